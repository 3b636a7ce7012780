package io.listening.webapp.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Authorization requests sent to Spotify and not yet answered, by their {@code state}. A state is
 * single use (taking it removes it) and expires after the configured timeout, so a replayed or stale
 * callback matches nothing. Kept in memory: a restart only means starting the connection again.
 */
@Component
class PendingAuthorizations {

  /** What the callback needs of the request it answers. */
  record Pending(String codeVerifier, Instant startedAt) {}

  /** Bounds the map however many requests are started and abandoned. */
  private static final int MAX_PENDING = 1_000;

  private final Map<String, Pending> byState = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration timeout;

  PendingAuthorizations(Clock clock, SpotifyConnectProperties properties) {
    this.clock = clock;
    this.timeout = properties.authorizationTimeout();
  }

  /** Remembers a new request; returns its state. */
  String start(String codeVerifier) {
    Instant now = clock.instant();
    byState.values().removeIf(pending -> expired(pending, now));
    if (byState.size() >= MAX_PENDING) {
      throw new IllegalStateException(
          "More than " + MAX_PENDING + " Spotify connections are waiting for an answer; try later");
    }
    String state = Pkce.randomToken();
    byState.put(state, new Pending(codeVerifier, now));
    return state;
  }

  /** The request {@code state} names, once; empty when unknown, already used or expired. */
  Optional<Pending> take(String state) {
    Pending pending = byState.remove(state);
    if (pending == null || expired(pending, clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(pending);
  }

  private boolean expired(Pending pending, Instant now) {
    return !pending.startedAt().plus(timeout).isAfter(now);
  }
}
