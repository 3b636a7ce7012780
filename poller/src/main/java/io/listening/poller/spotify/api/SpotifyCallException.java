package io.listening.poller.spotify.api;

import java.time.Duration;

/**
 * A Web API call that did not succeed but may succeed later: rate limiting (with Spotify's {@code
 * Retry-After}), server errors, timeouts, unexpected 4xx answers.
 */
public final class SpotifyCallException extends Exception {

  private final Duration retryAfter;

  private SpotifyCallException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** Spotify answered 429; {@code retryAfter} is zero when it sent no {@code Retry-After}. */
  static SpotifyCallException rateLimited(String message, Duration retryAfter, Throwable cause) {
    return new SpotifyCallException(message, retryAfter, cause);
  }

  static SpotifyCallException failed(String message, Throwable cause) {
    return new SpotifyCallException(message, null, cause);
  }

  public boolean isRateLimited() {
    return retryAfter != null;
  }

  /** How long Spotify asked us to wait; only meaningful when {@link #isRateLimited()}. */
  public Duration retryAfter() {
    return retryAfter == null ? Duration.ZERO : retryAfter;
  }
}
