package io.listening.poller.spotify.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.poller.spotify.TestConfigs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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

  /** The plaintext of the store file, decrypted as the documented format says. */
  private String decrypted() throws Exception {
    byte[] bytes = Files.readAllBytes(file());
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(Base64.getDecoder().decode(TestConfigs.TOKEN_KEY), "AES"),
        new GCMParameterSpec(128, Arrays.copyOfRange(bytes, 4, 16)));
    cipher.updateAAD("LTS1".getBytes(StandardCharsets.US_ASCII));
    return new String(cipher.doFinal(bytes, 16, bytes.length - 16), StandardCharsets.UTF_8);
  }

  /** A store file as {@code TokenStore} writes it, around any plaintext. */
  private void writeEncrypted(String plaintext) throws Exception {
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(Base64.getDecoder().decode(TestConfigs.TOKEN_KEY), "AES"),
        new GCMParameterSpec(128, nonce));
    cipher.updateAAD("LTS1".getBytes(StandardCharsets.US_ASCII));
    byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
    Files.write(
        file(),
        ByteBuffer.allocate(16 + ciphertext.length)
            .put("LTS1".getBytes(StandardCharsets.US_ASCII))
            .put(nonce)
            .put(ciphertext)
            .array());
  }

  @Test
  void aStoreWrittenByEarlierVersionsStillOpens() throws Exception {
    // Byte for byte what the node-by-node encoder of earlier versions wrote.
    String written =
        "{\"version\":1,\"users\":{"
            + "\"alice\":{\"refresh_token\":\"AQD-refresh-token-of-alice\","
            + "\"access_token\":\"BQC-access-token-of-alice\","
            + "\"access_token_expires_at\":\"2025-01-02T11:00:00Z\","
            + "\"status\":\"connected\",\"updated_at\":\"2025-01-02T10:00:00Z\"},"
            + "\"bob\":{\"refresh_token\":\"AQD-bob\",\"access_token\":null,"
            + "\"access_token_expires_at\":null,"
            + "\"status\":\"reconnect_needed\",\"updated_at\":\"2025-01-02T10:00:00Z\"}}}";
    writeEncrypted(written);

    TokenStore store = TokenStore.open(file(), KEY);

    assertThat(store.get("alice"))
        .contains(
            new UserTokens(
                "alice", REFRESH, ACCESS, NOW.plusSeconds(3600), TokenStatus.CONNECTED, NOW));
    assertThat(store.get("bob"))
        .contains(new UserTokens("bob", "AQD-bob", null, null, TokenStatus.RECONNECT_NEEDED, NOW));
    // Rewriting it changes nothing in the plaintext: the format is the same.
    store.put(store.get("alice").orElseThrow());
    assertThat(decrypted()).isEqualTo(written);
  }

  @Test
  void brokenContentNamesTheFieldButNoToken() throws Exception {
    writeEncrypted(
        "{\"version\":1,\"users\":{\"alice\":{\"refresh_token\":\""
            + REFRESH
            + "\","
            + "\"access_token\":\""
            + ACCESS
            + "\",\"access_token_expires_at\":\""
            + ACCESS
            + "\","
            + "\"status\":\"connected\"}}}");

    assertThatThrownBy(() -> TokenStore.open(file(), KEY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file().toString())
        .hasMessageContaining("users.alice.access_token_expires_at must be")
        .hasMessageNotContaining(ACCESS)
        .hasNoCause();
  }

  @Test
  void unknownStatusAndMissingRefreshTokenAreBrokenContent() throws Exception {
    writeEncrypted(
        "{\"version\":1,\"users\":{\"alice\":{\"refresh_token\":\"x\",\"status\":\"paused\"}}}");
    assertThatThrownBy(() -> TokenStore.open(file(), KEY))
        .hasMessageContaining("users.alice.status: unknown token status 'paused'");

    writeEncrypted("{\"version\":1,\"users\":{\"alice\":{\"status\":\"connected\"}}}");
    assertThatThrownBy(() -> TokenStore.open(file(), KEY))
        .hasMessageContaining("users.alice.refresh_token is required");
  }

  @Test
  void aStoreOfAnotherVersionSaysSo() throws Exception {
    writeEncrypted("{\"version\":2,\"accounts\":[]}");

    assertThatThrownBy(() -> TokenStore.open(file(), KEY))
        .hasMessageContaining("has token store version 2; this program reads 1");
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
