package io.listening.poller.spotify.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.poller.spotify.MutableClock;
import io.listening.poller.spotify.TestConfigs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

  private static final Instant NOW = Instant.parse("2025-01-02T10:00:00Z");

  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of("DATA_DIR", dir.toString(), "POLLER_TOKEN_KEY", TestConfigs.TOKEN_KEY);
  }

  private void run(Map<String, String> args, String stdin) {
    TokenCommand.run(
        env(),
        args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        null,
        new MutableClock(NOW));
  }

  private TokenStore store() {
    return TokenStore.open(
        dir.resolve("spotify-tokens.enc"),
        TokenKey.fromBase64(TestConfigs.TOKEN_KEY, "POLLER_TOKEN_KEY"));
  }

  @Test
  void addStoresTheRefreshTokenReadFromStandardInput() {
    run(Map.of("user", "alice"), "AQD-refresh-token\n");

    UserTokens alice = store().get("alice").orElseThrow();
    assertThat(alice.refreshToken()).isEqualTo("AQD-refresh-token");
    assertThat(alice.status()).isEqualTo(TokenStatus.CONNECTED);
    assertThat(alice.accessToken()).isNull();
    assertThat(alice.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void addingAgainReconnectsAUserWhoNeededIt() {
    store().put(UserTokens.connected("alice", "AQD-old", NOW).reconnectNeeded(NOW));

    run(Map.of("user", "alice"), "AQD-new");

    assertThat(store().get("alice").orElseThrow().status()).isEqualTo(TokenStatus.CONNECTED);
    assertThat(store().get("alice").orElseThrow().refreshToken()).isEqualTo("AQD-new");
  }

  @Test
  void emptyInputIsRefused() {
    assertThatThrownBy(() -> run(Map.of("user", "alice"), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("standard input");
    assertThat(store().users()).isEmpty();
  }

  @Test
  void tokenWithSpacesIsRefused() {
    assertThatThrownBy(() -> run(Map.of("user", "alice"), "not a token"))
        .hasMessageContaining("printable ASCII");
  }

  @Test
  void userIsRequiredAndMustBeAPlainName() {
    assertThatThrownBy(() -> run(Map.of(), "AQD")).hasMessageContaining("--user");
    assertThatThrownBy(() -> run(Map.of("user", "../alice"), "AQD"))
        .hasMessageContaining("user must");
  }

  @Test
  void removeDeletesTheUser() {
    run(Map.of("user", "alice"), "AQD-refresh-token");

    run(Map.of("action", "remove", "user", "alice"), "");

    assertThat(store().users()).isEmpty();
  }

  @Test
  void listReadsTheStoreWithoutChangingIt() {
    run(Map.of("user", "alice"), "AQD-refresh-token");

    run(Map.of("action", "list"), "");

    assertThat(store().users().keySet()).containsExactly("alice");
  }

  @Test
  void unknownActionIsRefused() {
    assertThatThrownBy(() -> run(Map.of("action", "export"), ""))
        .hasMessageContaining("add, remove or list");
  }
}
