package io.listening.poller.spotify.playback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NowPlayingTest {

  /** The fields of docs/data-contracts.md, "Now playing", in order: the web app reads these. */
  private static final List<String> CONTRACT =
      List.of(
          "user_id",
          "observed_at",
          "status",
          "currently_playing_type",
          "track_id",
          "track_name",
          "artist_name",
          "album_name",
          "duration_ms",
          "progress_ms",
          "context_uri",
          "play_started_at",
          "listened_ms");

  private static final Instant T0 = Instant.parse("2025-01-02T10:02:00Z");
  private static final TrackInfo TRACK =
      new TrackInfo(
          "4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", "Rick Astley", "Whenever", 180_000);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode encoded(PlaybackSnapshot seen, CurrentPlay play) throws Exception {
    return JSON.readTree(NowPlaying.encode("alice", T0.plusSeconds(65), seen, play));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aPlayingRecordHasExactlyTheContractsFields() throws Exception {
    PlaybackSnapshot seen =
        PlaybackSnapshot.of(TRACK, 65_000, true, "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M");
    CurrentPlay play = new CurrentPlay(TRACK, seen.contextUri(), T0, 65_000, 65_000, true);

    JsonNode node = encoded(seen, play);

    assertThat(fieldNames(node)).containsExactlyElementsOf(CONTRACT);
    assertThat(node.get("user_id").asText()).isEqualTo("alice");
    assertThat(node.get("observed_at").asText()).isEqualTo("2025-01-02T10:03:05Z");
    assertThat(node.get("status").asText()).isEqualTo("playing");
    assertThat(node.get("currently_playing_type").asText()).isEqualTo("track");
    assertThat(node.get("track_id").asText()).isEqualTo(TRACK.trackId());
    assertThat(node.get("track_name").asText()).isEqualTo(TRACK.trackName());
    assertThat(node.get("artist_name").asText()).isEqualTo("Rick Astley");
    assertThat(node.get("album_name").asText()).isEqualTo("Whenever");
    assertThat(node.get("duration_ms").asLong()).isEqualTo(180_000);
    assertThat(node.get("progress_ms").asLong()).isEqualTo(65_000);
    assertThat(node.get("context_uri").asText())
        .isEqualTo("spotify:playlist:37i9dQZF1DXcBWIGoYBM5M");
    assertThat(node.get("play_started_at").asText()).isEqualTo("2025-01-02T10:02:00Z");
    assertThat(node.get("listened_ms").asLong()).isEqualTo(65_000);
  }

  @Test
  void nothingPlayingKeepsEveryFieldWithTheTrackFieldsNull() throws Exception {
    JsonNode node = encoded(PlaybackSnapshot.nothing("ad"), null);

    assertThat(fieldNames(node)).containsExactlyElementsOf(CONTRACT);
    assertThat(node.get("status").asText()).isEqualTo("nothing_playing");
    assertThat(node.get("currently_playing_type").asText()).isEqualTo("ad");
    for (String field : CONTRACT.subList(4, CONTRACT.size())) {
      assertThat(node.get(field).isNull()).as(field).isTrue();
    }
  }

  @Test
  void aPausedRecordSaysSoAndAnUnknownDurationIsNull() throws Exception {
    TrackInfo local =
        new TrackInfo("derived-0123456789abcdef0123456789abcdef", "Demo", "Me", null, 0);

    JsonNode node = encoded(PlaybackSnapshot.of(local, 5_000, false, null), null);

    assertThat(node.get("status").asText()).isEqualTo("paused");
    assertThat(node.get("duration_ms").isNull()).isTrue();
    assertThat(node.get("album_name").isNull()).isTrue();
  }
}
