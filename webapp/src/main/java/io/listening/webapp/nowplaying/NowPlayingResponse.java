package io.listening.webapp.nowplaying;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /api/users/{userId}/now-playing} answers.
 *
 * @param progressMs the position now: while playing it advances from {@code updated_at}
 * @param updatedAt when the poller observed this state
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record NowPlayingResponse(
    String userId,
    @Schema(allowableValues = {"playing", "paused", "nothing_playing"}) String status,
    boolean isPlaying,
    @Schema(nullable = true, description = "null when nothing plays") @Nullable Track track,
    @Schema(nullable = true) @Nullable Long progressMs,
    Instant updatedAt) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Track(
      @Nullable String trackId,
      @Nullable String trackName,
      @Nullable String artistName,
      @Nullable String albumName,
      @Nullable Long durationMs) {}

  static NowPlayingResponse of(PlaybackState state, Instant now) {
    Track track =
        state.hasTrack()
            ? new Track(
                state.trackId(),
                state.trackName(),
                state.artistName(),
                state.albumName(),
                state.durationMs())
            : null;
    return new NowPlayingResponse(
        state.userId(),
        state.status(),
        state.isPlaying(),
        track,
        state.hasTrack() ? state.progressAt(now) : null,
        state.observedAt());
  }
}
