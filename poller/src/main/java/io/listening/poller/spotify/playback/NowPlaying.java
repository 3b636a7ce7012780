package io.listening.poller.spotify.playback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.listening.events.StrictJson;
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
 * Every field is always written, {@code null} when unknown. The field names are the contract with
 * the web app, documented in {@code docs/data-contracts.md} ("Now playing").
 *
 * @param status {@code playing}, {@code paused} or {@code nothing_playing} (then the track fields
 *     are {@code null})
 * @param currentlyPlayingType Spotify's {@code currently_playing_type}, {@code null} for 204
 * @param progressMs the position at {@code observedAt}; a reader extrapolates the position of a
 *     {@code playing} record as {@code progress_ms} plus the time since {@code observed_at}
 * @param playStartedAt when the play in progress began, as the tracker estimates it
 * @param listenedMs the listening time of the play in progress so far
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record NowPlaying(
    String userId,
    Instant observedAt,
    String status,
    String currentlyPlayingType,
    String trackId,
    String trackName,
    String artistName,
    String albumName,
    Long durationMs,
    Long progressMs,
    String contextUri,
    Instant playStartedAt,
    Long listenedMs) {

  private static final ObjectMapper JSON = StrictJson.newMapper();

  /** What a live view shows; a new record is published when this changes. */
  static String signature(PlaybackSnapshot seen) {
    return status(seen) + "|" + seen.type() + "|" + (seen.hasTrack() ? seen.track().trackId() : "");
  }

  static NowPlaying of(String userId, Instant observedAt, PlaybackSnapshot seen, CurrentPlay play) {
    TrackInfo track = seen.track();
    return new NowPlaying(
        userId,
        observedAt,
        status(seen),
        seen.type(),
        track == null ? null : track.trackId(),
        track == null ? null : track.trackName(),
        track == null ? null : track.artistName(),
        track == null ? null : track.albumName(),
        track == null || track.durationMs() <= 0 ? null : track.durationMs(),
        track == null ? null : seen.progressMs(),
        track == null ? null : seen.contextUri(),
        play == null ? null : play.startedAt(),
        play == null ? null : play.listenedMs());
  }

  static String encode(String userId, Instant observedAt, PlaybackSnapshot seen, CurrentPlay play) {
    return of(userId, observedAt, seen, play).toJson();
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a record of strings, numbers and instants serializes", e);
    }
  }

  private static String status(PlaybackSnapshot seen) {
    if (!seen.hasTrack()) {
      return "nothing_playing";
    }
    return seen.playing() ? "playing" : "paused";
  }
}
