package io.listening.poller.spotify.playback;

import static org.assertj.core.api.Assertions.assertThat;

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
        .contains("\"play\":null");
  }
}
