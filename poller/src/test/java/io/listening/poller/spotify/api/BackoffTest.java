package io.listening.poller.spotify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Duration BASE = Duration.ofSeconds(5);
  private static final Duration MAX = Duration.ofMinutes(5);

  @Test
  void waitDoublesPerFailureUpToTheCap() {
    Backoff noJitter = new Backoff(BASE, MAX, () -> 0.999_999);

    assertThat(noJitter.afterFailures(1).toSeconds()).isEqualTo(4); // just under 5 s
    assertThat(noJitter.afterFailures(2))
        .isBetween(Duration.ofMillis(9_999), Duration.ofSeconds(10));
    assertThat(noJitter.afterFailures(3))
        .isBetween(Duration.ofMillis(19_999), Duration.ofSeconds(20));
    assertThat(noJitter.afterFailures(10)).isLessThanOrEqualTo(MAX);
    assertThat(noJitter.afterFailures(1_000)).isLessThanOrEqualTo(MAX);
  }

  @Test
  void jitterKeepsAtLeastHalfOfTheWait() {
    Backoff lowest = new Backoff(BASE, MAX, () -> 0.0);

    assertThat(lowest.afterFailures(1)).isEqualTo(Duration.ofMillis(2_500));
    assertThat(lowest.afterFailures(3)).isEqualTo(Duration.ofSeconds(10));
    assertThat(lowest.afterFailures(50)).isEqualTo(MAX.dividedBy(2));
  }

  @Test
  void rateLimitWaitsRetryAfterPlusAtMostASecond() {
    assertThat(new Backoff(BASE, MAX, () -> 0.0).afterRateLimit(Duration.ofSeconds(7)))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(new Backoff(BASE, MAX, () -> 0.5).afterRateLimit(Duration.ofSeconds(7)))
        .isEqualTo(Duration.ofMillis(7_500));
  }

  @Test
  void rateLimitWithoutRetryAfterBacksOffLikeAFailure() {
    assertThat(new Backoff(BASE, MAX, () -> 0.0).afterRateLimit(Duration.ZERO))
        .isEqualTo(Duration.ofMillis(2_500));
  }
}
