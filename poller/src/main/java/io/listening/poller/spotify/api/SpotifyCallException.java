package io.listening.poller.spotify.api;

import java.time.Duration;

/**
 * A Web API call that did not succeed but may succeed later: rate limiting (with Spotify's {@code
 * Retry-After}), server errors, timeouts, unexpected 4xx answers, and answers the library could not
 * read.
 */
public final class SpotifyCallException extends Exception {

  /** Why the call failed, as far as the caller's reaction goes. */
  public enum Kind {
    /** Spotify answered 429: wait for its {@code Retry-After}. */
    RATE_LIMITED,
    /** A server error, a timeout, an unexpected status: back off and try again. */
    FAILED,
    /**
     * Spotify answered, but spotify-web-api-java could not turn the answer into its model (a field
     * it does not know, or of another type than it expects); it may keep doing so until the library
     * is updated. Back off and try again.
     */
    UNREADABLE_ANSWER
  }

  private final Kind kind;
  private final Duration retryAfter;

  private SpotifyCallException(String message, Kind kind, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  /** Spotify answered 429; {@code retryAfter} is zero when it sent no {@code Retry-After}. */
  static SpotifyCallException rateLimited(String message, Duration retryAfter, Throwable cause) {
    return new SpotifyCallException(message, Kind.RATE_LIMITED, retryAfter, cause);
  }

  static SpotifyCallException failed(String message, Throwable cause) {
    return new SpotifyCallException(message, Kind.FAILED, Duration.ZERO, cause);
  }

  static SpotifyCallException unreadableAnswer(String message, Throwable cause) {
    return new SpotifyCallException(message, Kind.UNREADABLE_ANSWER, Duration.ZERO, cause);
  }

  public Kind kind() {
    return kind;
  }

  public boolean isRateLimited() {
    return kind == Kind.RATE_LIMITED;
  }

  public boolean isUnreadableAnswer() {
    return kind == Kind.UNREADABLE_ANSWER;
  }

  /** How long Spotify asked us to wait; only meaningful when {@link #isRateLimited()}. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
