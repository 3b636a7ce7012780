package io.listening.webapp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.poller.spotify.auth.TokenKey;
import io.listening.poller.spotify.auth.TokenStatus;
import io.listening.poller.spotify.auth.TokenStore;
import io.listening.poller.spotify.auth.UserTokens;
import io.listening.webapp.HeadlessChromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Connect Spotify end to end against {@link SpotifyAccountsStandIn}: the redirect to {@code
 * /authorize} with a PKCE challenge, the callback's state check and code exchange, {@code /v1/me},
 * and the refresh token landing in the token store that the poller's own {@link TokenStore} reads.
 * On a fixed port of this module's range, because the redirect URI registered with the app names it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {"vaadin.productionMode=true", "server.port=" + ConnectSpotifyIT.PORT})
@ExtendWith(OutputCaptureExtension.class)
class ConnectSpotifyIT {

  static final int PORT = 18701;
  private static final String BASE = "http://127.0.0.1:" + PORT;
  private static final String CALLBACK = BASE + "/connect/spotify/callback";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static final SpotifyAccountsStandIn SPOTIFY = SpotifyAccountsStandIn.start();
  private static final String KEY = randomKey();
  private static final Path TOKEN_FILE = tokenFile();

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @DynamicPropertySource
  static void spotify(DynamicPropertyRegistry registry) {
    SPOTIFY.registerRedirectUri(CALLBACK);
    registry.add("listening.spotify.client-id", () -> SpotifyAccountsStandIn.CLIENT_ID);
    registry.add("listening.spotify.client-secret", () -> "");
    registry.add("listening.spotify.accounts-url", () -> SPOTIFY.url().toString());
    registry.add("listening.spotify.api-url", () -> SPOTIFY.url().toString());
    registry.add("listening.spotify.redirect-uri", () -> CALLBACK);
    registry.add("listening.spotify.token-file", TOKEN_FILE::toString);
    registry.add("listening.spotify.token-key", () -> KEY);
  }

  @BeforeEach
  void emptyStore() throws IOException {
    Files.deleteIfExists(TOKEN_FILE);
    SPOTIFY.breakTokenEndpoint(false);
    SPOTIFY.signInAs("alice");
  }

  @AfterAll
  static void stopSpotify() {
    SPOTIFY.close();
  }

  @Test
  void clickingConnectInABrowserStoresTheTokenThePollerReads(CapturedOutput output) {
    WebDriver browser = HeadlessChromium.start();
    try {
      browser.get(BASE + "/connections");
      WebDriverWait wait = new WebDriverWait(browser, WAIT);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connections-empty")));

      browser.findElement(By.id("connect-spotify")).click();

      wait.until(ExpectedConditions.textToBePresentInElementLocated(
          By.id("connect-outcome"), "Connected the Spotify account alice."));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connections"), "alice"));
      assertThat(browser.findElement(By.cssSelector(".connection-status")).getText())
          .isEqualTo("connected");
      assertThat(browser.getCurrentUrl()).startsWith(BASE + "/connections");
    } finally {
      browser.quit();
    }

    UserTokens stored = pollerStore().get("alice").orElseThrow();
    assertThat(stored.refreshToken()).isEqualTo(SPOTIFY.refreshTokenOf("alice"));
    assertThat(stored.status()).isEqualTo(TokenStatus.CONNECTED);
    assertThat(stored.accessToken()).as("the poller refreshes its own").isNull();
    assertThat(SPOTIFY.tokenRequests().get(SPOTIFY.tokenRequests().size() - 1))
        .contains("grant_type=authorization_code")
        .contains("code_verifier=");
    assertThat(output.getAll())
        .contains("Connected the Spotify account alice")
        .doesNotContain(SPOTIFY.refreshTokenOf("alice"))
        .doesNotContain("access-");
  }

  @Test
  void theAuthorizationRequestCarriesAnS256ChallengeAndAState() {
    URI authorize = location(get(BASE + "/connect/spotify"));

    assertThat(authorize.toString()).startsWith(SPOTIFY.url() + "/authorize?");
    assertThat(authorize.getRawQuery())
        .contains("client_id=" + SpotifyAccountsStandIn.CLIENT_ID)
        .contains("response_type=code")
        .contains("code_challenge_method=S256")
        .containsPattern("code_challenge=[A-Za-z0-9_-]{43}(&|$)")
        .containsPattern("state=[A-Za-z0-9_-]{43}(&|$)")
        .contains("scope=user-read-currently-playing%20user-read-recently-played")
        .contains("redirect_uri=http://127.0.0.1:" + PORT + "/connect/spotify/callback");
  }

  @Test
  void aCallbackWithAForgedStateIsRefusedAndStoresNothing() {
    HttpResponse<String> answer = get(CALLBACK + "?code=code-1&state=forged");

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(location(answer).toString()).isEqualTo("/connections?error=state-mismatch");
    assertThat(TOKEN_FILE).doesNotExist();
  }

  @Test
  void aStateIsGoodForOneCallbackOnly() {
    URI callback = location(get(location(get(BASE + "/connect/spotify")).toString()));
    assertThat(location(get(callback.toString())).toString()).startsWith("/connections?connected=alice");
    int exchanges = SPOTIFY.tokenRequests().size();

    HttpResponse<String> replay = get(callback.toString());

    assertThat(location(replay).toString()).isEqualTo("/connections?error=state-mismatch");
    assertThat(SPOTIFY.tokenRequests()).hasSize(exchanges);
  }

  @Test
  void aUserWhoDeclinesIsToldSoAndNothingIsStored() {
    SPOTIFY.decline();

    URI callback = location(get(location(get(BASE + "/connect/spotify")).toString()));
    HttpResponse<String> answer = get(callback.toString());

    assertThat(callback.getRawQuery()).contains("error=access_denied");
    assertThat(location(answer).toString()).isEqualTo("/connections?error=denied");
    assertThat(TOKEN_FILE).doesNotExist();
  }

  @Test
  void aFailedTokenExchangeIsToldAndStoresNothing() {
    SPOTIFY.breakTokenEndpoint(true);

    URI callback = location(get(location(get(BASE + "/connect/spotify")).toString()));
    HttpResponse<String> answer = get(callback.toString());

    assertThat(location(answer).toString()).isEqualTo("/connections?error=token-exchange-failed");
    assertThat(TOKEN_FILE).doesNotExist();
  }

  @Test
  void aConnectionThePollerMarkedRevokedShowsReconnectAndReconnectingRestoresIt() {
    pollerStore()
        .put(UserTokens.connected("bob", "old-refresh", Instant.now()).reconnectNeeded(Instant.now()));
    SPOTIFY.signInAs("bob");
    WebDriver browser = HeadlessChromium.start();
    try {
      browser.get(BASE + "/connections");
      WebDriverWait wait = new WebDriverWait(browser, WAIT);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".connection-status"), "reconnect needed"));

      browser.findElement(By.cssSelector("a[aria-label='Reconnect bob']")).click();

      wait.until(ExpectedConditions.textToBePresentInElementLocated(
          By.id("connect-outcome"), "Connected the Spotify account bob."));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".connection-status"), "connected"));
      assertThat(browser.findElements(By.cssSelector("a[aria-label='Reconnect bob']"))).isEmpty();
    } finally {
      browser.quit();
    }
    UserTokens bob = pollerStore().get("bob").orElseThrow();
    assertThat(bob.status()).isEqualTo(TokenStatus.CONNECTED);
    assertThat(bob.refreshToken()).isEqualTo(SPOTIFY.refreshTokenOf("bob")).isNotEqualTo("old-refresh");
  }

  private static TokenStore pollerStore() {
    return TokenStore.open(TOKEN_FILE, TokenKey.fromBase64(KEY, "POLLER_TOKEN_KEY"));
  }

  private HttpResponse<String> get(String url) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url.startsWith("/") ? BASE + url : url))
              .timeout(WAIT)
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static URI location(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("a redirect from %s", response.uri()).isIn(302, 303);
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static Path tokenFile() {
    try {
      return Files.createTempDirectory("connect-it").resolve("spotify-tokens.enc");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
