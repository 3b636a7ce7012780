package io.listening.poller.spotify.backfill;

import io.listening.events.PlayEvent;
import io.listening.poller.spotify.PollerPlayLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Finds recently-played items that describe a play the poller already published. The two sources
 * disagree on the instant by up to a track's length (the poller's end estimate against Spotify's
 * {@code played_at}), so an item matches a poller play of the same track whose {@code played_at} is
 * within the window, by default the track's length plus a minute.
 *
 * <p>Each poller play matches at most one item and each item at most one poller play, nearest pairs
 * first, so a track played twice in a row stays two plays even when both fall in one window.
 */
final class PollerPlayMatcher {

  private final List<PollerPlayLog.Play> unmatched;
  private final LongFunction<Duration> windowForDuration;

  private record Pair(int item, PollerPlayLog.Play play, long distanceMs) {}

  PollerPlayMatcher(
      List<PollerPlayLog.Play> pollerPlays, LongFunction<Duration> windowForDuration) {
    this.unmatched = new ArrayList<>(pollerPlays);
    this.windowForDuration = windowForDuration;
  }

  /**
   * Which of {@code items} the poller already published; the poller plays they matched are used up
   * for later calls.
   */
  boolean[] seenByPoller(List<PlayEvent> items) {
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      PlayEvent item = items.get(i);
      long window =
          windowForDuration.apply(item.durationMs() == null ? 0 : item.durationMs()).toMillis();
      for (PollerPlayLog.Play play : unmatched) {
        if (play.trackId().equals(item.trackId())) {
          long distance = Math.abs(Duration.between(play.playedAt(), item.playedAt()).toMillis());
          if (distance <= window) {
            pairs.add(new Pair(i, play, distance));
          }
        }
      }
    }
    pairs.sort(Comparator.comparingLong(Pair::distanceMs));
    boolean[] seen = new boolean[items.size()];
    List<PollerPlayLog.Play> used = new ArrayList<>();
    for (Pair pair : pairs) {
      if (!seen[pair.item()] && used.stream().noneMatch(play -> play == pair.play())) {
        seen[pair.item()] = true;
        used.add(pair.play());
      }
    }
    used.forEach(play -> unmatched.removeIf(candidate -> candidate == play));
    return seen;
  }
}
