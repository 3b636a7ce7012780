package io.listening.poller.spotify.playback;

import java.time.Instant;

/**
 * Everything the tracker remembers about one user between polls; persisted after every poll so a
 * restarted poller continues the play in progress instead of starting it again.
 *
 * @param lastSampleAt when the last successful poll happened, {@code null} before the first
 * @param play the play in progress, {@code null} when nothing is playing
 */
record PlaybackState(Instant lastSampleAt, CurrentPlay play) {

  static final PlaybackState INITIAL = new PlaybackState(null, null);
}
