package io.listening.webapp.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Spotify's accounts service and the one Web API call of the connect flow,
 * answering as the authorization-code-with-PKCE guide documents
 * (https://developer.spotify.com/documentation/web-api/tutorials/code-pkce-flow):
 *
 * <ul>
 *   <li>{@code GET /authorize}: checks {@code client_id}, {@code response_type=code}, a {@code
 *       redirect_uri} registered for the app, {@code code_challenge_method=S256} and a {@code
 *       code_challenge}; then plays the user's answer, a 303 to the redirect URI with {@code
 *       code} and the same {@code state}, or {@code error=access_denied} when the user declines. A
 *       bad request gets a 400 page, as Spotify shows one, and never a redirect.
 *   <li>{@code POST /api/token} with {@code grant_type=authorization_code}: the code is single use
 *       and must come with the same {@code redirect_uri} and a {@code code_verifier} whose SHA-256
 *       is the challenge; otherwise 400 {@code invalid_grant}. A client secret, when sent (HTTP
 *       Basic), must be the app's ({@code invalid_client}). Grants {@code access_token}, {@code
 *       token_type}, {@code expires_in}, {@code scope}, {@code refresh_token}.
 *   <li>{@code GET /v1/me} with a granted bearer token: the account's {@code id}; 401 otherwise.
 * </ul>
 */
public final class SpotifyAccountsStandIn implements AutoCloseable {

  public static final String CLIENT_ID = "stand-in-client-id";
  public static final String CLIENT_SECRET = "stand-in-client-secret";

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Grant(String challenge, String redirectUri, String account) {}

  private final HttpServer server;
  private final List<String> redirectUris = new CopyOnWriteArrayList<>();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private final AtomicInteger counter = new AtomicInteger();
  private volatile String account = "alice";
  private volatile boolean declining;
  private volatile boolean tokenEndpointBroken;

  private SpotifyAccountsStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/authorize", this::authorize);
    server.createContext("/api/token", this::token);
    server.createContext("/v1/me", this::me);
    server.start();
  }

  public static SpotifyAccountsStandIn start() {
    try {
      return new SpotifyAccountsStandIn();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A redirect URI registered in the app's settings. */
  public void registerRedirectUri(String uri) {
    redirectUris.add(uri);
  }

  /** The Spotify account that logs in and consents next. */
  public void signInAs(String accountId) {
    this.account = accountId;
    this.declining = false;
  }

  /** The next users press "Cancel" on the consent page. */
  public void decline() {
    this.declining = true;
  }

  /** {@code /api/token} answers 500 until told otherwise. */
  public void breakTokenEndpoint(boolean broken) {
    this.tokenEndpointBroken = broken;
  }

  /** The refresh token granted last to an account. */
  public String refreshTokenOf(String accountId) {
    return refreshTokens.get(accountId);
  }

  /**
   * Every secret of the flows so far: the authorization codes issued, the code verifiers that came
   * back, the access and refresh tokens granted. Each is unique (a random part), so finding one in
   * a log is a leak, not a coincidence.
   */
  public List<String> secrets() {
    return List.copyOf(secrets);
  }

  /** Form bodies received by /api/token, in order. */
  public List<String> tokenRequests() {
    return tokenRequests;
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = params(exchange.getRequestURI().getRawQuery());
    String redirectUri = query.get("redirect_uri");
    if (!"GET".equals(exchange.getRequestMethod())
        || !CLIENT_ID.equals(query.get("client_id"))
        || redirectUri == null
        || !redirectUris.contains(redirectUri)) {
      send(exchange, 400, "text/plain", "INVALID_CLIENT: Invalid client or redirect URI");
      return;
    }
    StringBuilder back = new StringBuilder(redirectUri).append('?');
    if (!"code".equals(query.get("response_type"))
        || !"S256".equals(query.get("code_challenge_method"))
        || query.get("code_challenge") == null) {
      back.append("error=invalid_request");
    } else if (declining) {
      back.append("error=access_denied");
    } else {
      String code = "code-" + counter.incrementAndGet() + "-" + UUID.randomUUID();
      secrets.add(code);
      codes.put(code, new Grant(query.get("code_challenge"), redirectUri, account));
      back.append("code=").append(code);
    }
    if (query.get("state") != null) {
      back.append("&state=").append(URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    }
    exchange.getResponseHeaders().set("Location", back.toString());
    send(exchange, 303, "text/plain", "");
  }

  private void token(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    tokenRequests.add(body);
    String sentVerifier = params(body).get("code_verifier");
    if (sentVerifier != null) {
      secrets.add(sentVerifier);
    }
    if (tokenEndpointBroken) {
      send(exchange, 500, "application/json", "{\"error\":\"server_error\"}");
      return;
    }
    Map<String, String> form = params(body);
    String basic = exchange.getRequestHeaders().getFirst("Authorization");
    if (basic != null
        && !basic.equals(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))) {
      oauthError(exchange, "invalid_client", "Invalid client secret");
      return;
    }
    if (!"authorization_code".equals(form.get("grant_type"))) {
      oauthError(exchange, "unsupported_grant_type", "grant_type must be authorization_code");
      return;
    }
    if (!CLIENT_ID.equals(form.get("client_id")) && basic == null) {
      oauthError(exchange, "invalid_client", "Invalid client");
      return;
    }
    Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
    if (grant == null) {
      oauthError(exchange, "invalid_grant", "Invalid authorization code");
      return;
    }
    if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
      oauthError(exchange, "invalid_grant", "Invalid redirect URI");
      return;
    }
    String verifier = form.get("code_verifier");
    if (verifier == null || !s256(verifier).equals(grant.challenge())) {
      oauthError(exchange, "invalid_grant", "code_verifier was incorrect");
      return;
    }
    String accessToken = "access-" + counter.incrementAndGet() + "-" + UUID.randomUUID();
    String refreshToken =
        "refresh-" + grant.account() + "-" + counter.incrementAndGet() + "-" + UUID.randomUUID();
    secrets.add(accessToken);
    secrets.add(refreshToken);
    accessTokens.put(accessToken, grant.account());
    refreshTokens.put(grant.account(), refreshToken);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", accessToken);
    answer.put("token_type", "Bearer");
    answer.put("scope", "user-read-currently-playing user-read-recently-played");
    answer.put("expires_in", 3600);
    answer.put("refresh_token", refreshToken);
    send(exchange, 200, "application/json", JSON.writeValueAsString(answer));
  }

  private void me(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String accountId =
        authorization != null && authorization.startsWith("Bearer ")
            ? accessTokens.get(authorization.substring("Bearer ".length()))
            : null;
    if (accountId == null) {
      send(
          exchange,
          401,
          "application/json",
          "{\"error\":{\"status\":401,\"message\":\"Invalid access token\"}}");
      return;
    }
    send(
        exchange,
        200,
        "application/json",
        JSON.writeValueAsString(
            Map.of(
                "id", accountId,
                "display_name", accountId,
                "type", "user",
                "uri", "spotify:user:" + accountId)));
  }

  private static void oauthError(HttpExchange exchange, String error, String description)
      throws IOException {
    send(
        exchange,
        400,
        "application/json",
        JSON.writeValueAsString(Map.of("error", error, "error_description", description)));
  }

  static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> params(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      params.putIfAbsent(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
