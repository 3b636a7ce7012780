package io.listening.webapp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PendingAuthorizationsTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2025-01-02T10:00:00Z"));
  private final PendingAuthorizations pending =
      new PendingAuthorizations(clock, properties(Duration.ofMinutes(10)));

  @Test
  void aStateGivesBackItsVerifierOnce() {
    String state = pending.start("verifier-1");

    assertThat(pending.take(state)).map(PendingAuthorizations.Pending::codeVerifier).contains("verifier-1");
    assertThat(pending.take(state)).isEmpty();
  }

  @Test
  void aStateExpiresAfterTheTimeout() {
    String state = pending.start("verifier-1");
    clock.advance(Duration.ofMinutes(10));

    assertThat(pending.take(state)).isEmpty();
  }

  @Test
  void anUnknownStateMatchesNothingAndEveryRequestGetsItsOwnState() {
    String first = pending.start("verifier-1");
    String second = pending.start("verifier-2");

    assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(43);
    assertThat(pending.take("forged")).isEmpty();
    assertThat(pending.take(second)).map(PendingAuthorizations.Pending::codeVerifier).contains("verifier-2");
  }

  static SpotifyConnectProperties properties(Duration timeout) {
    return new SpotifyConnectProperties(
        "client",
        null,
        URI.create("http://127.0.0.1:1"),
        URI.create("http://127.0.0.1:1"),
        URI.create("http://127.0.0.1:8080/connect/spotify/callback"),
        Path.of("tokens.enc"),
        null,
        timeout);
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
