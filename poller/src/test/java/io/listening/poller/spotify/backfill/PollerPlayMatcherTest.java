package io.listening.poller.spotify.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.events.PlayEvent;
import io.listening.poller.spotify.PollerPlayLog.Play;
import java.time.Duration;
import io.listening.poller.spotify.TestConfigs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollerPlayMatcherTest {

  private static final Instant T0 = Instant.parse("2025-01-02T10:00:00Z");
  private static final String A = "4uLU6hMCjMI75M1A2tKUQC";
  private static final String B = "7GhIk7Il098yCjg4BQjzvb";

  private static PollerPlayMatcher matcher(Play... plays) {
    return new PollerPlayMatcher(List.of(plays), ms -> Duration.ofMillis(ms).plusSeconds(60));
  }

  private static PlayEvent item(String trackId, Instant playedAt) {
    return TestConfigs.play("spotify_recently_played", trackId, playedAt);
  }

  private static boolean seen(PollerPlayMatcher matcher, PlayEvent item) {
    return matcher.seenByPoller(List.of(item))[0];
  }

  @Test
  void sameTrackWithinTrackLengthPlusAMinuteIsTheSamePlay() {
    PollerPlayMatcher matcher = matcher(new Play(A, T0, 180_000L));

    assertThat(seen(matcher, item(A, T0.plusSeconds(239)))).isTrue();
  }

  @Test
  void sameTrackOutsideTheWindowIsAnotherPlay() {
    assertThat(seen(matcher(new Play(A, T0, 180_000L)), item(A, T0.plusSeconds(241)))).isFalse();
    assertThat(seen(matcher(new Play(A, T0, 180_000L)), item(A, T0.minusSeconds(241)))).isFalse();
  }

  @Test
  void anotherTrackNeverMatches() {
    assertThat(seen(matcher(new Play(A, T0, 180_000L)), item(B, T0))).isFalse();
  }

  @Test
  void eachPollerPlayMatchesOneItemOnly() {
    PollerPlayMatcher matcher = matcher(new Play(A, T0, 180_000L));

    assertThat(seen(matcher, item(A, T0.plusSeconds(2)))).isTrue();
    assertThat(seen(matcher, item(A, T0.plusSeconds(182)))).isFalse();
  }

  @Test
  void nearestPairsMatchFirstSoRepeatsStayApart() {
    // The poller saw one play of A ending at 181 s; Spotify lists A at 180 s and again at 360 s.
    PollerPlayMatcher matcher = matcher(new Play(A, T0.plusSeconds(181), 180_000L));

    boolean[] seen =
        matcher.seenByPoller(List.of(item(A, T0.plusSeconds(360)), item(A, T0.plusSeconds(180))));

    assertThat(seen).containsExactly(false, true);
  }

  @Test
  void twoPollerPlaysMatchTwoItems() {
    PollerPlayMatcher matcher =
        matcher(new Play(A, T0, 180_000L), new Play(A, T0.plusSeconds(180), 180_000L));

    boolean[] seen =
        matcher.seenByPoller(
            List.of(
                item(A, T0.plusSeconds(181)),
                item(A, T0.plusSeconds(1)),
                item(A, T0.plusSeconds(90))));

    assertThat(seen).containsExactly(true, true, false);
  }
}
