package io.listening.poller.spotify.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before calling Spotify again for a user.
 *
 * <p>After failures (server errors, timeouts): exponential, starting at {@code base} and doubling
 * per consecutive failure up to {@code max}, with "equal jitter" (half fixed, half random) so users
 * that failed together do not retry together. After a 429: Spotify's {@code Retry-After} plus up to
 * one second of jitter; without a {@code Retry-After}, like a first failure.
 */
public final class Backoff {

  static final Duration RATE_LIMIT_JITTER = Duration.ofSeconds(1);

  private final Duration base;
  private final Duration max;
  private final DoubleSupplier random;

  /**
   * @param random uniform values in [0, 1); tests pass a constant
   */
  public Backoff(Duration base, Duration max, DoubleSupplier random) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < base <= max, got " + base + ", " + max);
    }
    this.base = base;
    this.max = max;
    this.random = random;
  }

  public static Backoff withJitter(Duration base, Duration max) {
    return new Backoff(base, max, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The wait after {@code consecutiveFailures} (1 or more) failures in a row. */
  public Duration afterFailures(int consecutiveFailures) {
    int doublings = Math.max(0, Math.min(consecutiveFailures - 1, 30));
    long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(doublings, 20));
    long half = ceiling / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
  }

  /** The wait after a 429 that asked for {@code retryAfter}. */
  public Duration afterRateLimit(Duration retryAfter) {
    if (retryAfter.isZero() || retryAfter.isNegative()) {
      return afterFailures(1);
    }
    return retryAfter.plusMillis((long) (random.getAsDouble() * RATE_LIMIT_JITTER.toMillis()));
  }
}
