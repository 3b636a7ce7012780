package io.listening.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.connect.SpotifyAccountsStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The admin API key and the Spotify connection's secrets never reach the application's log, with
 * the app's own loggers at DEBUG: requests carry the right key, wrong keys and no key to every admin
 * action, and the connect flow runs against {@link SpotifyAccountsStandIn} (with a client secret)
 * to success, a replayed callback, a declined consent and a failing token endpoint. Then the whole
 * captured output is searched for every secret: the key, the wrong keys, the client secret, the
 * token store's key, each {@code state}, code, code verifier, access and refresh token. On a fixed
 * port, because the redirect URI registered with the stand-in names it.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "vaadin.productionMode=true",
      "server.port=" + SecretsNotLoggedIT.PORT,
      "logging.level.io.listening=debug",
      "listening.pipeline.command=true"
    })
class SecretsNotLoggedIT {

  static final int PORT = 18570;
  private static final String BASE = "http://127.0.0.1:" + PORT;
  private static final String CALLBACK = BASE + "/connect/spotify/callback";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern STATE = Pattern.compile("[?&]state=([^&]+)");

  private static final String ADMIN_KEY = "admin-" + UUID.randomUUID();
  private static final List<String> WRONG_KEYS =
      List.of(ADMIN_KEY + "x", ADMIN_KEY.substring(1), "wrong-" + UUID.randomUUID());
  private static final String TOKEN_KEY = randomTokenKey();
  private static final Path DATA_DIR = GoldWarehouse.newDataDir();
  private static final SpotifyAccountsStandIn SPOTIFY = SpotifyAccountsStandIn.start();

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final List<String> states = new ArrayList<>();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    SPOTIFY.registerRedirectUri(CALLBACK);
    registry.add(
        "listening.warehouse.path", () -> DATA_DIR.resolve("warehouse/analytics.duckdb").toString());
    registry.add("listening.admin.api-key", () -> ADMIN_KEY);
    registry.add("listening.pipeline.working-directory", DATA_DIR::toString);
    registry.add("listening.spotify.client-id", () -> SpotifyAccountsStandIn.CLIENT_ID);
    registry.add("listening.spotify.client-secret", () -> SpotifyAccountsStandIn.CLIENT_SECRET);
    registry.add("listening.spotify.accounts-url", () -> SPOTIFY.url().toString());
    registry.add("listening.spotify.api-url", () -> SPOTIFY.url().toString());
    registry.add("listening.spotify.redirect-uri", () -> CALLBACK);
    registry.add("listening.spotify.token-file", () -> DATA_DIR.resolve("spotify-tokens.enc").toString());
    registry.add("listening.spotify.token-key", () -> TOKEN_KEY);
  }

  @AfterAll
  static void cleanUp() throws IOException {
    SPOTIFY.close();
    FileSystemUtils.deleteRecursively(DATA_DIR);
  }

  @Test
  void neitherTheApiKeyNorAnySpotifySecretIsEverLogged(CapturedOutput output) throws Exception {
    adminRequests();
    connectFlows();

    List<String> secrets = new ArrayList<>(SPOTIFY.secrets());
    assertThat(secrets).as("codes, verifiers and tokens the flows used").hasSizeGreaterThanOrEqualTo(8);
    assertThat(states).hasSize(4);
    secrets.addAll(states);
    secrets.addAll(WRONG_KEYS);
    secrets.addAll(
        List.of(ADMIN_KEY, TOKEN_KEY, SpotifyAccountsStandIn.CLIENT_SECRET, base64(ADMIN_KEY)));
    // The log says what happened, so a search for the secrets searched the right output.
    assertThat(output.getAll())
        .contains("Cleared the cache recommendations")
        .contains("started on an admin API request")
        .contains("Connected the Spotify account alice")
        .contains("Refused a Spotify callback whose state is unknown, used or expired")
        .contains("Connecting Spotify failed");
    for (String secret : secrets) {
      assertThat(output.getAll()).as("the log").doesNotContain(secret);
    }
  }

  private void adminRequests() {
    for (String path :
        List.of("/api/admin/caches/recommendations/clear", "/api/admin/pipeline-runs")) {
      assertThat(post(path, ADMIN_KEY).statusCode()).as(path).isIn(202, 204, 409);
      for (String wrong : WRONG_KEYS) {
        assertThat(post(path, wrong).statusCode()).as(path).isEqualTo(403);
      }
      assertThat(send(HttpRequest.newBuilder(URI.create(BASE + path)).header("X-API-Key", ADMIN_KEY).GET())
              .statusCode())
          .isEqualTo(405);
      assertThat(send(HttpRequest.newBuilder(URI.create(BASE + path)).POST(BodyPublishers.noBody()))
              .statusCode())
          .isEqualTo(401);
    }
    // A key in the wrong place: a query parameter and an Authorization header.
    assertThat(post("/api/admin/caches/recommendations/clear?api_key=" + ADMIN_KEY, null).statusCode())
        .isEqualTo(401);
    assertThat(
            send(HttpRequest.newBuilder(URI.create(BASE + "/api/admin/pipeline-runs"))
                    .header("Authorization", "Basic " + base64(ADMIN_KEY))
                    .POST(BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(401);
  }

  private void connectFlows() {
    SPOTIFY.signInAs("alice");
    URI callback = consent();
    assertThat(location(get(callback)).toString()).startsWith("/connections?connected=alice");
    assertThat(location(get(callback)).toString()).isEqualTo("/connections?error=state-mismatch");

    SPOTIFY.decline();
    assertThat(location(get(consent())).toString()).isEqualTo("/connections?error=denied");

    SPOTIFY.signInAs("bob");
    SPOTIFY.breakTokenEndpoint(true);
    assertThat(location(get(consent())).toString())
        .isEqualTo("/connections?error=token-exchange-failed");
    SPOTIFY.breakTokenEndpoint(false);

    SPOTIFY.signInAs("carol");
    assertThat(location(get(consent())).toString()).startsWith("/connections?connected=carol");
  }

  /** Starts a connection and answers Spotify's consent page: the callback Spotify sends back. */
  private URI consent() {
    URI authorize = location(get(URI.create(BASE + "/connect/spotify")));
    Matcher state = STATE.matcher("?" + authorize.getRawQuery());
    assertThat(state.find()).isTrue();
    states.add(state.group(1));
    return location(get(authorize));
  }

  private HttpResponse<String> post(String path, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + path)).POST(BodyPublishers.noBody());
    if (key != null) {
      request.header("X-API-Key", key);
    }
    return send(request);
  }

  private HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
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

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String randomTokenKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
