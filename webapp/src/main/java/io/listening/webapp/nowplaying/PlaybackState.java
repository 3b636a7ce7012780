package io.listening.webapp.nowplaying;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One record of the now-playing topic as the poller writes it (its {@code NowPlaying}); fields
 * this reader does not use are ignored, as the contract asks of readers.
 *
 * @param status {@code playing}, {@code paused} or {@code nothing_playing}
 * @param progressMs the position at {@code observedAt}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record PlaybackState(
    String userId,
    Instant observedAt,
    String status,
    @Nullable String currentlyPlayingType,
    @Nullable String trackId,
    @Nullable String trackName,
    @Nullable String artistName,
    @Nullable String albumName,
    @Nullable Long durationMs,
    @Nullable Long progressMs,
    @Nullable String contextUri) {

  static final String PLAYING = "playing";
  static final String PAUSED = "paused";
  static final String NOTHING_PLAYING = "nothing_playing";

  /** The same state under the record's key, which is what compaction and this reader go by. */
  PlaybackState forUser(String key) {
    return key.equals(userId)
        ? this
        : new PlaybackState(
            key,
            observedAt,
            status,
            currentlyPlayingType,
            trackId,
            trackName,
            artistName,
            albumName,
            durationMs,
            progressMs,
            contextUri);
  }

  boolean isPlaying() {
    return PLAYING.equals(status);
  }

  boolean hasTrack() {
    return !NOTHING_PLAYING.equals(status) && (trackId != null || trackName != null);
  }

  /**
   * The position at {@code now}: while playing, {@code progress_ms} plus the time since {@code
   * observed_at}, never past the track's end; otherwise {@code progress_ms} as observed.
   */
  @Nullable
  Long progressAt(Instant now) {
    if (progressMs == null) {
      return null;
    }
    if (!isPlaying()) {
      return progressMs;
    }
    long elapsed = Math.max(0, Duration.between(observedAt, now).toMillis());
    long progress = progressMs + elapsed;
    return durationMs == null ? progress : Math.min(progress, durationMs);
  }
}
