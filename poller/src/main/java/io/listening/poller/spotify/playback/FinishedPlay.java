package io.listening.poller.spotify.playback;

import io.listening.events.EventIds;
import io.listening.events.EventTypes;
import io.listening.events.PlayEvent;
import io.listening.events.Sources;
import java.time.Instant;

/** A play the tracker saw end; becomes one {@code play} event with the time listened. */
record FinishedPlay(CurrentPlay play, Instant endedAt) {

  /**
   * The contract event. The id derives from user, track and {@code started_at}, which the tracker
   * keeps across restarts, so the same play always gets the same id. Device, platform, shuffle,
   * reasons and a skip flag are not on the currently-playing answer and stay {@code null}; how long
   * was listened is, and the warehouse decides from it whether the play counts.
   */
  PlayEvent toEvent(String userId) {
    TrackInfo track = play.track();
    return new PlayEvent(
        EventIds.of(Sources.SPOTIFY_POLL, userId, track.trackId(), play.startedAt()),
        EventTypes.PLAY,
        userId,
        track.trackId(),
        track.trackName(),
        track.artistName(),
        track.albumName(),
        track.durationMs() > 0 ? track.durationMs() : null,
        play.listenedMs(),
        endedAt,
        play.startedAt(),
        null,
        null,
        play.contextUri(),
        null,
        null,
        null,
        null,
        Sources.SPOTIFY_POLL,
        null);
  }
}
