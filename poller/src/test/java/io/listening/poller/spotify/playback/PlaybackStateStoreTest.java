package io.listening.poller.spotify.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.poller.spotify.UserFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybackStateStoreTest {

  private static final Instant T0 = Instant.parse("2025-01-02T10:00:00Z");

  @TempDir Path dir;

  @Test
  void unknownUserStartsFromTheInitialState() {
    assertThat(new PlaybackStateStore(new UserFiles(dir)).load("alice"))
        .isEqualTo(PlaybackState.INITIAL);
  }

  @Test
  void savedStateIsLoadedBackExactly() {
    PlaybackStateStore store = new PlaybackStateStore(new UserFiles(dir));
    PlaybackState state =
        new PlaybackState(
            T0.plusMillis(65_123),
            new CurrentPlay(
                new TrackInfo(
                    "4uLU6hMCjMI75M1A2tKUQC",
                    "Never Gonna Give You Up",
                    "Rick Astley",
                    null,
                    213_000),
                "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M",
                T0,
                60_500,
                64_000,
                false));

    store.save("alice", state);

    assertThat(new PlaybackStateStore(new UserFiles(dir)).load("alice")).isEqualTo(state);
  }

  @Test
  void idleStateIsSavedWithoutAPlay() throws Exception {
    PlaybackStateStore store = new PlaybackStateStore(new UserFiles(dir));

    store.save("alice", new PlaybackState(T0, null));

    assertThat(store.load("alice")).isEqualTo(new PlaybackState(T0, null));
    assertThat(Files.readString(dir.resolve("users/alice/playback.json")))
        .containsPattern("\"play\" ?: ?null");
  }

  @Test
  void stateInTheDocumentedFormatLoads() throws Exception {
    Path file = Files.createDirectories(dir.resolve("users/alice")).resolve("playback.json");
    Files.writeString(
        file,
        """
        {"last_sample_at": "2025-01-02T10:03:05Z",
         "play": {"track_id": "4uLU6hMCjMI75M1A2tKUQC", "track_name": "Never Gonna Give You Up",
                  "artist_name": "Rick Astley", "album_name": null, "duration_ms": 213000,
                  "context_uri": "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M",
                  "started_at": "2025-01-02T10:00:00Z", "listened_ms": 185000,
                  "progress_ms": 180000, "playing": true}}
        """);

    assertThat(new PlaybackStateStore(new UserFiles(dir)).load("alice"))
        .isEqualTo(
            new PlaybackState(
                T0.plusSeconds(185),
                new CurrentPlay(
                    new TrackInfo(
                        "4uLU6hMCjMI75M1A2tKUQC",
                        "Never Gonna Give You Up",
                        "Rick Astley",
                        null,
                        213_000),
                    "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M",
                    T0,
                    185_000,
                    180_000,
                    true)));
  }

  @Test
  void brokenStateIsAClearErrorNamingTheFileAndTheField() throws Exception {
    Path file = Files.createDirectories(dir.resolve("users/alice")).resolve("playback.json");
    Files.writeString(
        file,
        "{\"last_sample_at\": \"2025-01-02T10:03:05Z\", \"play\": {\"track_id\": \"x\","
            + " \"duration_ms\": 1, \"started_at\": 1735812000, \"listened_ms\": 0,"
            + " \"progress_ms\": 0, \"playing\": true}}");

    assertThatThrownBy(() -> new PlaybackStateStore(new UserFiles(dir)).load("alice"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("play.started_at must be an ISO-8601 UTC instant");
  }
}
