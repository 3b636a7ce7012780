package io.listening.poller.spotify.playback;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Turns a series of currently-playing snapshots into finished plays. Pure: the same state, time and
 * snapshot always give the same step, so it is tested without Spotify, Kafka or a clock.
 *
 * <p>Between two polls {@code elapsed} ms of wall time pass and the position moves by {@code moved}
 * ms. Listening time grows by what was actually heard:
 *
 * <ul>
 *   <li>playing, position moved about as much as the clock: the position's move (at most {@code
 *       elapsed});
 *   <li>paused on both polls: nothing, whatever the clock says;
 *   <li>paused or resumed in between: the position's move, which stops while paused;
 *   <li>position jumped (a seek): {@code elapsed} if playing on both polls, else nothing, never the
 *       size of the jump.
 * </ul>
 *
 * A play ends when another track appears, when nothing plays (204, an ad, an episode, a private
 * session), or when the same track starts again after it was about to end (repeat). Its end time is
 * estimated from the last poll, the rest of the track and the next track's position, so it is
 * accurate to about one poll interval. A play's {@code started_at} is the first poll that saw it
 * minus the position it was credited with then, and never changes afterwards.
 *
 * <p>A track first seen mid-way (the poller started while it played) is credited with its position:
 * the listener most likely heard it from the start. A track that appears after a gap is credited
 * with at most the gap.
 */
final class PlaybackTracker {

  /** Progress may drift from the wall clock by this much without counting as a seek. */
  static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(3);

  private final long toleranceMs;

  PlaybackTracker() {
    this(DEFAULT_TOLERANCE);
  }

  PlaybackTracker(Duration tolerance) {
    this.toleranceMs = tolerance.toMillis();
  }

  /**
   * The result of one poll.
   *
   * @param next the state to remember until the next poll
   * @param finished the play that ended since the previous poll, if any
   * @param changed something a live view would show changed: a play began or ended, a pause, a
   *     resume, a seek
   */
  record Step(PlaybackState next, List<FinishedPlay> finished, boolean changed) {}

  Step observe(PlaybackState state, Instant now, PlaybackSnapshot seen) {
    Instant last = state.lastSampleAt();
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    if (last != null && at.isBefore(last)) {
      at = last; // the clock went back: count no time rather than negative time
    }
    CurrentPlay play = state.play();

    if (play == null || last == null) {
      if (!seen.hasTrack()) {
        return new Step(new PlaybackState(at, null), List.of(), false);
      }
      long credit =
          last == null ? seen.progressMs() : Math.min(seen.progressMs(), millis(last, at));
      return new Step(new PlaybackState(at, begin(seen, at, credit)), List.of(), true);
    }

    long elapsed = millis(last, at);
    Instant naturalEnd = last.plusMillis(Math.min(elapsed, play.remainingMs()));

    if (!seen.hasTrack()) {
      Instant endedAt = play.playing() ? naturalEnd : last;
      return new Step(new PlaybackState(at, null), List.of(finish(play, last, endedAt)), true);
    }

    if (!seen.track().trackId().equals(play.track().trackId())) {
      long credit = Math.min(seen.progressMs(), elapsed);
      Instant switchedAt = at.minusMillis(credit);
      Instant endedAt = play.playing() ? earlier(naturalEnd, switchedAt) : switchedAt;
      return new Step(
          new PlaybackState(at, begin(seen, at, credit)),
          List.of(finish(play, last, endedAt)),
          true);
    }

    long moved = seen.progressMs() - play.progressMs();
    boolean startedAgain =
        play.playing()
            && moved < -toleranceMs
            && play.remainingMs() <= elapsed + toleranceMs
            && seen.progressMs() <= elapsed + toleranceMs;
    if (startedAgain) {
      long credit = Math.min(seen.progressMs(), elapsed);
      Instant endedAt = earlier(naturalEnd, at.minusMillis(credit));
      return new Step(
          new PlaybackState(at, begin(seen, at, credit)),
          List.of(finish(play, last, endedAt)),
          true);
    }

    boolean eitherPlaying = play.playing() || seen.playing();
    boolean consistent = moved >= -toleranceMs && moved <= elapsed + toleranceMs;
    long heard;
    if (!eitherPlaying) {
      heard = 0;
    } else if (consistent) {
      heard = Math.max(0, Math.min(moved, elapsed));
    } else {
      heard = play.playing() && seen.playing() ? elapsed : 0;
    }
    boolean seeked = eitherPlaying ? !consistent : moved != 0;
    boolean changed = play.playing() != seen.playing() || seeked;
    return new Step(
        new PlaybackState(at, play.advance(heard, seen.progressMs(), seen.playing())),
        List.of(),
        changed);
  }

  private static CurrentPlay begin(PlaybackSnapshot seen, Instant at, long creditMs) {
    return new CurrentPlay(
        seen.track(),
        seen.contextUri(),
        at.minusMillis(creditMs),
        creditMs,
        seen.progressMs(),
        seen.playing());
  }

  private static FinishedPlay finish(CurrentPlay play, Instant last, Instant endedAt) {
    long heard = play.playing() ? millis(last, endedAt) : 0;
    return new FinishedPlay(play.advance(heard, play.progressMs(), play.playing()), endedAt);
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static long millis(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toMillis());
  }
}
