package io.listening.poller.spotify.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.events.EventTypes;
import io.listening.events.PlayEvent;
import io.listening.events.PlayEventValidator;
import io.listening.events.Sources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybackTrackerTest {

  private static final Instant T0 = Instant.parse("2025-01-02T10:00:00Z");
  private static final TrackInfo A =
      new TrackInfo(
          "4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", "Rick Astley", "Whenever", 180_000);
  private static final TrackInfo B =
      new TrackInfo(
          "7GhIk7Il098yCjg4BQjzvb", "Take On Me", "a-ha", "Hunting High and Low", 200_000);
  private static final TrackInfo C =
      new TrackInfo(
          "0VjIjW4GlUZAMYd2vXMi3b", "Blinding Lights", "The Weeknd", "After Hours", 150_000);
  private static final String CONTEXT = "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M";

  private final PlaybackTracker tracker = new PlaybackTracker();
  private PlaybackState state = PlaybackState.INITIAL;
  private final List<FinishedPlay> finished = new ArrayList<>();

  private PlaybackTracker.Step see(long atSeconds, PlaybackSnapshot snapshot) {
    PlaybackTracker.Step step = tracker.observe(state, T0.plusSeconds(atSeconds), snapshot);
    state = step.next();
    finished.addAll(step.finished());
    return step;
  }

  private static PlaybackSnapshot playing(TrackInfo track, long progressSeconds) {
    return PlaybackSnapshot.of(track, progressSeconds * 1000, true, CONTEXT);
  }

  private static PlaybackSnapshot paused(TrackInfo track, long progressSeconds) {
    return PlaybackSnapshot.of(track, progressSeconds * 1000, false, CONTEXT);
  }

  /** Polls every 5 s from {@code fromSeconds} to {@code toSeconds} while {@code track} plays. */
  private void playThrough(TrackInfo track, long fromSeconds, long toSeconds, long progressAtFrom) {
    for (long t = fromSeconds; t <= toSeconds; t += 5) {
      see(t, playing(track, Math.min(track.durationMs() / 1000, progressAtFrom + t - fromSeconds)));
    }
  }

  private FinishedPlay only() {
    assertThat(finished).hasSize(1);
    return finished.get(0);
  }

  @Test
  void fullPlayEndsWhenTheNextTrackStartsWithStartAndEndKept() {
    playThrough(A, 0, 180, 0);
    assertThat(finished).isEmpty();

    see(185, playing(B, 5));

    FinishedPlay a = only();
    assertThat(a.play().track()).isEqualTo(A);
    assertThat(a.play().listenedMs()).isEqualTo(180_000);
    assertThat(a.play().startedAt()).isEqualTo(T0);
    assertThat(a.endedAt()).isEqualTo(T0.plusSeconds(180));
    assertThat(a.toEvent("alice").eventType()).isEqualTo(EventTypes.PLAY);
    assertThat(state.play().track()).isEqualTo(B);
    assertThat(state.play().startedAt()).isEqualTo(T0.plusSeconds(180));
  }

  @Test
  void playEndedAfterAFewSecondsIsAPlayWithItsListeningTime() {
    see(0, playing(B, 0));
    see(5, playing(B, 5));
    see(10, playing(B, 10));
    // The user skipped at 12 s; the next poll sees C 3 s in.
    see(15, playing(C, 3));

    FinishedPlay b = only();
    assertThat(b.play().listenedMs()).isEqualTo(12_000);
    assertThat(b.endedAt()).isEqualTo(T0.plusSeconds(12));
    PlayEvent event = b.toEvent("alice");
    assertThat(event.eventType()).isEqualTo(EventTypes.PLAY);
    assertThat(event.msPlayed()).isEqualTo(12_000);
    assertThat(event.reasonEnd()).isNull();
    assertThat(event.skipped()).as("currently-playing carries no skip flag").isNull();
  }

  @Test
  void pausedTimeIsNotCountedAndPauseAloneEmitsNothing() {
    playThrough(A, 0, 60, 0);
    PlaybackTracker.Step pause = see(65, paused(A, 62));
    for (long t = 70; t <= 180; t += 5) {
      see(t, paused(A, 62));
    }
    PlaybackTracker.Step resume = see(185, playing(A, 64)); // resumed at 183
    playThrough(A, 190, 300, 69);
    see(305, playing(B, 4));

    assertThat(pause.changed()).isTrue();
    assertThat(pause.finished()).isEmpty();
    assertThat(resume.changed()).isTrue();
    assertThat(resume.finished()).isEmpty();
    FinishedPlay a = only();
    assertThat(a.play().listenedMs()).isEqualTo(180_000);
    assertThat(a.play().startedAt()).isEqualTo(T0);
    assertThat(a.endedAt()).isEqualTo(T0.plusSeconds(301));
  }

  @Test
  void seekForwardCountsListeningTimeNotTheJump() {
    see(0, playing(A, 0));
    see(5, playing(A, 5));
    see(10, playing(A, 10));
    // Seek to 100 s at 12 s; the next poll sees 103 s.
    PlaybackTracker.Step seek = see(15, playing(A, 103));
    playThrough(A, 20, 90, 108);
    see(95, playing(B, 3));

    assertThat(seek.changed()).isTrue();
    assertThat(seek.finished()).isEmpty();
    FinishedPlay a = only();
    // Heard 0 s -> 12 s, then 100 s -> 180 s of the track: 92 s, not the 180 s of progress.
    assertThat(a.play().listenedMs()).isEqualTo(12_000 + 80_000);
    assertThat(a.endedAt()).isEqualTo(T0.plusSeconds(92));
  }

  @Test
  void seekBackwardFarFromTheEndKeepsOnePlay() {
    playThrough(A, 0, 100, 0);
    PlaybackTracker.Step seek = see(105, playing(A, 44)); // back to 40 s at 101 s

    assertThat(seek.changed()).isTrue();
    assertThat(finished).isEmpty();
    assertThat(state.play().listenedMs()).isEqualTo(105_000);
    assertThat(state.play().startedAt()).isEqualTo(T0);
  }

  @Test
  void seekWhilePausedCountsNothing() {
    playThrough(A, 0, 20, 0);
    see(25, paused(A, 20));
    PlaybackTracker.Step seek = see(30, paused(A, 90));

    assertThat(seek.changed()).isTrue();
    assertThat(state.play().listenedMs()).isEqualTo(20_000);
  }

  @Test
  void repeatOfTheSameTrackEndsOnePlayAndStartsAnother() {
    playThrough(A, 0, 175, 0);
    PlaybackTracker.Step repeat = see(182, playing(A, 2)); // ended at 180, started again

    assertThat(repeat.changed()).isTrue();
    FinishedPlay first = only();
    assertThat(first.play().listenedMs()).isEqualTo(180_000);
    assertThat(first.endedAt()).isEqualTo(T0.plusSeconds(180));
    assertThat(state.play().startedAt()).isEqualTo(T0.plusSeconds(180));
    assertThat(state.play().listenedMs()).isEqualTo(2_000);

    playThrough(A, 187, 357, 7);
    see(362, playing(B, 2));
    assertThat(finished).hasSize(2);
    FinishedPlay second = finished.get(1);
    assertThat(second.play().listenedMs()).isEqualTo(180_000);
    assertThat(second.toEvent("alice").eventId())
        .isNotEqualTo(first.toEvent("alice").eventId());
  }

  @Test
  void nothingPlayingEndsThePlayAtTheLastPollPlusWhatCouldHaveBeenHeard() {
    playThrough(A, 0, 60, 0);
    PlaybackTracker.Step stop = see(65, PlaybackSnapshot.nothing(null));

    assertThat(stop.changed()).isTrue();
    FinishedPlay a = only();
    assertThat(a.play().listenedMs()).isEqualTo(65_000);
    assertThat(a.endedAt()).isEqualTo(T0.plusSeconds(65));
    assertThat(state.play()).isNull();
  }

  @Test
  void adAfterTheTrackEndsItAtItsNaturalEnd() {
    playThrough(A, 0, 180, 0);
    see(185, PlaybackSnapshot.nothing("ad"));

    FinishedPlay a = only();
    assertThat(a.play().listenedMs()).isEqualTo(180_000);
    assertThat(a.endedAt()).isEqualTo(T0.plusSeconds(180));
  }

  @Test
  void pausedPlayThatStopsCountsNoPausedTime() {
    playThrough(A, 0, 40, 0);
    for (long t = 45; t <= 600; t += 5) {
      see(t, paused(A, 40));
    }
    see(605, PlaybackSnapshot.nothing(null));

    FinishedPlay a = only();
    assertThat(a.play().listenedMs()).isEqualTo(40_000);
    assertThat(a.endedAt()).isEqualTo(T0.plusSeconds(600));
  }

  @Test
  void trackSeenForTheFirstTimeIsCreditedWithItsProgress() {
    PlaybackTracker.Step first = see(0, playing(A, 60));

    assertThat(first.changed()).isTrue();
    assertThat(state.play().startedAt()).isEqualTo(T0.minusSeconds(60));
    assertThat(state.play().listenedMs()).isEqualTo(60_000);
  }

  @Test
  void trackAppearingAfterNothingIsCreditedAtMostTheGap() {
    see(0, PlaybackSnapshot.nothing(null));
    see(5, playing(A, 60));

    assertThat(state.play().startedAt()).isEqualTo(T0);
    assertThat(state.play().listenedMs()).isEqualTo(5_000);
  }

  @Test
  void gapLongerThanTheTrackEndsItAtItsNaturalEnd() {
    playThrough(A, 0, 170, 0);
    // The poller was down for seven minutes; C is now 20 s in.
    see(600, playing(C, 20));

    FinishedPlay a = only();
    assertThat(a.play().listenedMs()).isEqualTo(180_000);
    assertThat(a.endedAt()).isEqualTo(T0.plusSeconds(180));
    assertThat(state.play().startedAt()).isEqualTo(T0.plusSeconds(580));
  }

  @Test
  void pausedTrackReplacedByAnotherEndsWhenTheOtherStarted() {
    playThrough(A, 0, 50, 0);
    see(55, paused(A, 52));
    see(60, paused(A, 52));
    see(65, playing(C, 2));

    FinishedPlay a = only();
    assertThat(a.play().listenedMs()).isEqualTo(52_000);
    assertThat(a.endedAt()).isEqualTo(T0.plusSeconds(63));
  }

  @Test
  void smallProgressJitterIsNeitherASeekNorExtraTime() {
    see(0, playing(A, 0));
    PlaybackTracker.Step step =
        tracker.observe(state, T0.plusSeconds(5), PlaybackSnapshot.of(A, 5_800, true, CONTEXT));

    assertThat(step.changed()).isFalse();
    assertThat(step.next().play().listenedMs()).isEqualTo(5_000);
  }

  @Test
  void clockGoingBackwardsCountsNoTime() {
    see(0, playing(A, 0));
    see(10, playing(A, 10));
    PlaybackTracker.Step back =
        tracker.observe(state, T0.plusSeconds(4), PlaybackSnapshot.of(A, 11_000, true, CONTEXT));

    assertThat(back.next().play().listenedMs()).isEqualTo(10_000);
    assertThat(back.next().lastSampleAt()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void nothingFollowedByNothingIsNoChange() {
    see(0, PlaybackSnapshot.nothing(null));
    PlaybackTracker.Step again = see(5, PlaybackSnapshot.nothing(null));

    assertThat(again.changed()).isFalse();
    assertThat(finished).isEmpty();
  }

  @Test
  void eventIdDependsOnUserTrackAndStartOnly() {
    CurrentPlay play = new CurrentPlay(A, CONTEXT, T0, 60_000, 60_000, true);

    String id = new FinishedPlay(play, T0.plusSeconds(60)).toEvent("alice").eventId();
    String laterEnd =
        new FinishedPlay(play.advance(5_000, 65_000, true), T0.plusSeconds(65))
            .toEvent("alice")
            .eventId();
    String otherStart =
        new FinishedPlay(new CurrentPlay(A, CONTEXT, T0.plusMillis(1), 60_000, 60_000, true), T0)
            .toEvent("alice")
            .eventId();
    String otherUser = new FinishedPlay(play, T0.plusSeconds(60)).toEvent("bob").eventId();

    assertThat(laterEnd).isEqualTo(id);
    assertThat(otherStart).isNotEqualTo(id);
    assertThat(otherUser).isNotEqualTo(id);
  }

  @Test
  void finishedPlaysKeepTheEventContract() {
    playThrough(A, 0, 180, 0);
    see(185, playing(B, 5));
    see(190, playing(B, 10));
    see(195, PlaybackSnapshot.nothing(null));

    for (FinishedPlay play : finished) {
      PlayEvent event = play.toEvent("alice").withIngestedAt(T0.plusSeconds(200));
      assertThat(PlayEventValidator.violations(event, T0.plusSeconds(200))).isEmpty();
      assertThat(event.source()).isEqualTo(Sources.SPOTIFY_POLL);
      assertThat(event.startedAt()).isNotNull();
      assertThat(event.contextUri()).isEqualTo(CONTEXT);
      assertThat(event.durationMs()).isEqualTo(play.play().track().durationMs());
    }
    assertThat(finished).hasSize(2);
  }
}
