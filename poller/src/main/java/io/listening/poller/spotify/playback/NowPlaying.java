package io.listening.poller.spotify.playback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The live "now playing" record for the web app, one JSON object per state change on topic {@value
 * NowPlayingTopic#NAME}, keyed by user:
 *
 * <pre>
 * {"user_id": "alice", "observed_at": "2025-01-02T10:03:05Z", "status": "playing",
 *  "currently_playing_type": "track", "track_id": "…", "track_name": "…", "artist_name": "…",
 *  "album_name": "…", "duration_ms": 180000, "progress_ms": 65000,
 *  "context_uri": "spotify:playlist:…", "play_started_at": "2025-01-02T10:02:00Z",
 *  "listened_ms": 65000}
 * </pre>
 *
 * {@code status} is {@code playing}, {@code paused} or {@code nothing_playing} (then the track
 * fields are {@code null}). A reader extrapolates the position of a {@code playing} record as
 * {@code progress_ms} plus the time since {@code observed_at}.
 */
final class NowPlaying {

  private static final ObjectMapper JSON = new ObjectMapper();

  private NowPlaying() {}

  /** What a live view shows; a new record is published when this changes. */
  static String signature(PlaybackSnapshot seen) {
    return status(seen) + "|" + seen.type() + "|" + (seen.hasTrack() ? seen.track().trackId() : "");
  }

  static String encode(String userId, Instant observedAt, PlaybackSnapshot seen, CurrentPlay play) {
    ObjectNode node = JSON.createObjectNode();
    node.put("user_id", userId);
    node.put("observed_at", observedAt.toString());
    node.put("status", status(seen));
    node.put("currently_playing_type", seen.type());
    TrackInfo track = seen.track();
    node.put("track_id", track == null ? null : track.trackId());
    node.put("track_name", track == null ? null : track.trackName());
    node.put("artist_name", track == null ? null : track.artistName());
    node.put("album_name", track == null ? null : track.albumName());
    node.put("duration_ms", track == null || track.durationMs() <= 0 ? null : track.durationMs());
    node.put("progress_ms", track == null ? null : seen.progressMs());
    node.put("context_uri", track == null ? null : seen.contextUri());
    node.put("play_started_at", play == null ? null : play.startedAt().toString());
    node.put("listened_ms", play == null ? null : play.listenedMs());
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an ObjectNode of strings and numbers always serializes", e);
    }
  }

  private static String status(PlaybackSnapshot seen) {
    if (!seen.hasTrack()) {
      return "nothing_playing";
    }
    return seen.playing() ? "playing" : "paused";
  }
}
