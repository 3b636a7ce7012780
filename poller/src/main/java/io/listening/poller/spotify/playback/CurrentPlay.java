package io.listening.poller.spotify.playback;

import java.time.Instant;

/**
 * The play in progress, as the tracker knows it after its last poll.
 *
 * @param startedAt when the play began (estimated from the first poll that saw it); with the user
 *     and track it identifies the play, so it never changes once set
 * @param listenedMs listening time so far: progress while playing, not paused time, not seek jumps
 * @param progressMs position at the last poll
 * @param playing whether it was playing (not paused) at the last poll
 */
record CurrentPlay(
    TrackInfo track,
    String contextUri,
    Instant startedAt,
    long listenedMs,
    long progressMs,
    boolean playing) {

  /** How much of the track was left at the last poll. */
  long remainingMs() {
    return Math.max(0, track.durationMs() - progressMs);
  }

  CurrentPlay advance(long addedMs, long newProgressMs, boolean nowPlaying) {
    return new CurrentPlay(
        track, contextUri, startedAt, listenedMs + addedMs, newProgressMs, nowPlaying);
  }
}
