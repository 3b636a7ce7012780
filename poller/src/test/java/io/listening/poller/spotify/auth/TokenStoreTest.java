package io.listening.poller.spotify.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.poller.spotify.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

  private static final Instant NOW = Instant.parse("2025-01-02T10:00:00Z");
  private static final TokenKey KEY =
      TokenKey.fromBase64(TestConfigs.TOKEN_KEY, "POLLER_TOKEN_KEY");
  private static final String REFRESH = "AQD-refresh-token-of-alice";
  private static final String ACCESS = "BQC-access-token-of-alice";

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("spotify-tokens.enc");
  }

  @Test
  void missingFileIsAnEmptyStore() {
    assertThat(TokenStore.open(file(), KEY).users()).isEmpty();
    assertThat(file()).doesNotExist();
  }

  @Test
  void storedUsersAreReadBackByAnotherInstance() {
    TokenStore store = TokenStore.open(file(), KEY);
    store.put(UserTokens.connected("alice", REFRESH, NOW));
    store.update(
        "alice", tokens -> tokens.withAccessToken(ACCESS, NOW.plusSeconds(3600), null, NOW));
    store.put(UserTokens.connected("bob", "AQD-bob", NOW).reconnectNeeded(NOW));

    TokenStore reopened = TokenStore.open(file(), KEY);

    UserTokens alice = reopened.get("alice").orElseThrow();
    assertThat(alice.refreshToken()).isEqualTo(REFRESH);
    assertThat(alice.accessToken()).isEqualTo(ACCESS);
    assertThat(alice.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(alice.status()).isEqualTo(TokenStatus.CONNECTED);
    assertThat(reopened.get("bob").orElseThrow().status()).isEqualTo(TokenStatus.RECONNECT_NEEDED);
    assertThat(reopened.users().keySet()).containsExactly("alice", "bob");
  }

  @Test
  void fileHoldsNoTokenInPlainText() throws Exception {
    TokenStore store = TokenStore.open(file(), KEY);
    store.put(UserTokens.connected("alice", REFRESH, NOW));

    String raw = new String(Files.readAllBytes(file()), StandardCharsets.ISO_8859_1);

    assertThat(raw).startsWith("LTS1").doesNotContain(REFRESH).doesNotContain("refresh_token");
  }

  @Test
  void documentedFormatCanBeReadWithPlainAesGcm() throws Exception {
    TokenStore.open(file(), KEY).put(UserTokens.connected("alice", REFRESH, NOW));
    byte[] bytes = Files.readAllBytes(file());

    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(Base64.getDecoder().decode(TestConfigs.TOKEN_KEY), "AES"),
        new GCMParameterSpec(128, Arrays.copyOfRange(bytes, 4, 16)));
    cipher.updateAAD("LTS1".getBytes(StandardCharsets.US_ASCII));
    String json = new String(cipher.doFinal(bytes, 16, bytes.length - 16), StandardCharsets.UTF_8);

    assertThat(json)
        .contains("\"version\":1")
        .contains("\"alice\":{\"refresh_token\":\"" + REFRESH + "\"")
        .contains("\"status\":\"connected\"");
  }

  @Test
  void wrongKeyFailsNamingTheVariable() {
    TokenStore.open(file(), KEY).put(UserTokens.connected("alice", REFRESH, NOW));
    TokenKey other =
        TokenKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]), "POLLER_TOKEN_KEY");

    assertThatThrownBy(() -> TokenStore.open(file(), other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("POLLER_TOKEN_KEY")
        .hasMessageNotContaining(REFRESH);
  }

  @Test
  void alteredFileIsRejected() throws Exception {
    TokenStore.open(file(), KEY).put(UserTokens.connected("alice", REFRESH, NOW));
    byte[] bytes = Files.readAllBytes(file());
    bytes[bytes.length - 20] ^= 1;
    Files.write(file(), bytes);

    assertThatThrownBy(() -> TokenStore.open(file(), KEY)).hasMessageContaining("altered");
  }

  @Test
  void writesAreAtomicAndOwnerOnly() throws Exception {
    TokenStore store = TokenStore.open(file(), KEY);
    for (int i = 0; i < 5; i++) {
      store.put(UserTokens.connected("user" + i, REFRESH, NOW));
    }

    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("spotify-tokens.enc", "spotify-tokens.enc.lock");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
        .isEqualTo("rw-------");
  }

  @Test
  void updatingAnUnknownUserFails() {
    TokenStore store = TokenStore.open(file(), KEY);

    assertThatThrownBy(() -> store.update("nobody", tokens -> tokens))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nobody");
  }

  @Test
  void descriptionsNeverShowTokens() {
    UserTokens tokens =
        UserTokens.connected("alice", REFRESH, NOW)
            .withAccessToken(ACCESS, NOW.plusSeconds(60), null, NOW);

    assertThat(tokens.toString()).doesNotContain(REFRESH).doesNotContain(ACCESS);
    assertThat(KEY.toString()).doesNotContain(TestConfigs.TOKEN_KEY);
  }

  @Test
  void refreshKeepsTheOldRefreshTokenUnlessANewOneCame() {
    UserTokens tokens = UserTokens.connected("alice", REFRESH, NOW);

    assertThat(tokens.withAccessToken(ACCESS, NOW, null, NOW).refreshToken()).isEqualTo(REFRESH);
    assertThat(tokens.withAccessToken(ACCESS, NOW, "AQD-new", NOW).refreshToken())
        .isEqualTo("AQD-new");
  }
}
