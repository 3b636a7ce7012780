package io.listening.poller.spotify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Spotify's accounts service and Web API, answering like the documented API
 * (https://developer.spotify.com/documentation/web-api) for the endpoints the poller uses:
 *
 * <ul>
 *   <li>{@code POST /api/token} (refresh-token grant, client id and secret as HTTP Basic): 200 with
 *       {@code access_token}, {@code token_type}, {@code expires_in}, {@code scope} and, when
 *       rotating, {@code refresh_token}; 400 {@code invalid_grant} for an unknown or revoked
 *       refresh token; 400 {@code invalid_client} for wrong app credentials.
 *   <li>{@code GET /v1/me/player/currently-playing}: 200 with {@code timestamp}, {@code context},
 *       {@code progress_ms}, {@code item} (a full track object), {@code currently_playing_type},
 *       {@code actions}, {@code is_playing}; 204 when nothing plays; {@code item: null} for ads. On
 *       request, {@code actions.disallows} also lists an action spotify-web-api-java does not know,
 *       as Spotify's answers do whenever Spotify adds one.
 *   <li>{@code GET /v1/me/player/recently-played?limit&after|before}: {@code items} of {@code
 *       {track, played_at, context}}, newest first, {@code cursors {after, before}}, {@code next},
 *       {@code limit}, {@code href}. {@code after} and {@code before} are Unix milliseconds,
 *       exclusive; with {@code after} the page holds the oldest plays after it.
 *   <li>401 {@code {"error":{"status":401,"message":"The access token expired"}}} for an expired
 *       access token, {@code "Invalid access token"} for an unknown one.
 * </ul>
 *
 * Scriptable: tests change each user's player (play, pause, resume, seek, stop, ad) and recent
 * history, queue one-off answers (429 with {@code Retry-After}, 500/502/503, slow answers) per user
 * and path, and read the log of requests. Progress moves with the {@link Clock} the test controls.
 */
public final class SpotifyStandInServer implements AutoCloseable {

  public static final String CLIENT_ID = "stand-in-client-id";
  public static final String CLIENT_SECRET = "stand-in-client-secret";
  public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
  public static final String CURRENTLY_PLAYING = "/v1/me/player/currently-playing";
  public static final String RECENTLY_PLAYED = "/v1/me/player/recently-played";
  public static final String TOKEN = "/api/token";

  /** A disallowed action that spotify-web-api-java 9.4 does not know. */
  public static final String UNKNOWN_ACTION = "some_new_action";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter PLAYED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** A track of the stand-in's catalogue. */
  public record Track(String id, String name, String artist, String album, long durationMs) {}

  /** One request as the stand-in saw it. */
  public record Request(
      Instant at, String method, String path, String query, String userId, int status) {}

  /** A one-off answer queued by a test. */
  public record Scripted(int status, Map<String, String> headers, String body, Duration delay) {

    public static Scripted rateLimited(int retryAfterSeconds) {
      return new Scripted(
          429,
          Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
          error(429, "API rate limit exceeded"),
          Duration.ZERO);
    }

    public static Scripted serverError(int status) {
      return new Scripted(status, Map.of(), error(status, "Server error"), Duration.ZERO);
    }

    /** Exactly this answer, e.g. a body the library cannot read. */
    public static Scripted answer(int status, String body) {
      return new Scripted(status, Map.of(), body, Duration.ZERO);
    }

    /** Answers normally, but only after {@code delay}. */
    public static Scripted slow(Duration delay) {
      return new Scripted(0, Map.of(), null, delay);
    }
  }

  private record AccessToken(String userId, Instant expiresAt) {}

  private record Played(Track track, Instant playedAt, String contextUri) {}

  private static final class Player {
    Track track;
    String contextUri;
    long progressAtMark;
    Instant markedAt;
    boolean playing;
    boolean ad;
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Clock clock;
  private final Map<String, String> refreshTokens = new HashMap<>();
  private final Set<String> revokedRefreshTokens = new HashSet<>();
  private final Map<String, AccessToken> accessTokens = new HashMap<>();
  private final Map<String, Player> players = new HashMap<>();
  private final Set<String> sendingUnknownAction = new HashSet<>();
  private final Map<String, List<Played>> history = new HashMap<>();
  private final Map<String, Deque<Scripted>> scripted = new HashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private final AtomicInteger counter = new AtomicInteger();
  private boolean rotateRefreshTokens;

  private SpotifyStandInServer(Clock clock) throws IOException {
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    this.executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static SpotifyStandInServer start(Clock clock) {
    try {
      return new SpotifyStandInServer(clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}, for both the API and the accounts URL. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  // ---- accounts --------------------------------------------------------------------------

  /** Registers a user and returns a refresh token Spotify would have issued them. */
  public synchronized String connect(String userId) {
    String token = "refresh-" + userId + "-" + counter.incrementAndGet();
    refreshTokens.put(token, userId);
    return token;
  }

  /** Every access token of the user answers 401 "The access token expired" from now on. */
  public synchronized void expireAccessTokens(String userId) {
    accessTokens.replaceAll(
        (token, access) ->
            access.userId().equals(userId)
                ? new AccessToken(userId, clock.instant().minusSeconds(1))
                : access);
  }

  /** The user's refresh tokens answer 400 invalid_grant from now on. */
  public synchronized void revokeRefreshTokens(String userId) {
    refreshTokens.forEach(
        (token, owner) -> {
          if (owner.equals(userId)) {
            revokedRefreshTokens.add(token);
          }
        });
  }

  /** Whether refresh answers carry a new refresh token (Spotify may send one). */
  public synchronized void rotateRefreshTokens(boolean rotate) {
    this.rotateRefreshTokens = rotate;
  }

  // ---- player ----------------------------------------------------------------------------

  public void play(String userId, Track track) {
    play(userId, track, 0, "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M");
  }

  public synchronized void play(String userId, Track track, long progressMs, String contextUri) {
    Player player = new Player();
    player.track = track;
    player.contextUri = contextUri;
    player.progressAtMark = progressMs;
    player.markedAt = clock.instant();
    player.playing = true;
    players.put(userId, player);
  }

  public synchronized void pause(String userId) {
    Player player = player(userId);
    player.progressAtMark = progress(player);
    player.markedAt = clock.instant();
    player.playing = false;
  }

  public synchronized void resume(String userId) {
    Player player = player(userId);
    player.markedAt = clock.instant();
    player.playing = true;
  }

  public synchronized void seek(String userId, long progressMs) {
    Player player = player(userId);
    player.progressAtMark = progressMs;
    player.markedAt = clock.instant();
  }

  /** Nothing plays: currently-playing answers 204. */
  /**
   * Whether the user's currently-playing answers list {@link #UNKNOWN_ACTION} among the disallowed
   * actions. The library's parser then throws a {@code NullPointerException} on every answer,
   * whatever plays.
   */
  public synchronized void sendUnknownAction(String userId, boolean send) {
    if (send) {
      sendingUnknownAction.add(userId);
    } else {
      sendingUnknownAction.remove(userId);
    }
  }

  public synchronized void stop(String userId) {
    players.remove(userId);
  }

  /** An ad plays: currently-playing answers 200 with {@code item: null}. */
  public synchronized void ad(String userId) {
    Player player = new Player();
    player.ad = true;
    player.markedAt = clock.instant();
    player.playing = true;
    players.put(userId, player);
  }

  public synchronized long progress(String userId) {
    return progress(player(userId));
  }

  // ---- history ---------------------------------------------------------------------------

  /** Adds a play to the user's recently-played history. */
  public synchronized void played(String userId, Track track, Instant playedAt, String contextUri) {
    List<Played> plays = history.computeIfAbsent(userId, id -> new ArrayList<>());
    plays.add(new Played(track, playedAt, contextUri));
    plays.sort(Comparator.comparing(Played::playedAt));
  }

  // ---- scripting and inspection ------------------------------------------------------------

  /** The next calls of {@code userId} to {@code path} get these answers, in order. */
  public synchronized void failNext(String userId, String path, Scripted... answers) {
    Deque<Scripted> queue =
        scripted.computeIfAbsent(userId + " " + path, key -> new ArrayDeque<>());
    queue.addAll(List.of(answers));
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<Request> requests(String userId, String path) {
    return requests.stream()
        .filter(r -> userId.equals(r.userId()) && r.path().equals(path))
        .toList();
  }

  public synchronized List<Request> requestsOf(String userId) {
    return requests.stream().filter(r -> userId.equals(r.userId())).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- HTTP ------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      byte[] body = exchange.getRequestBody().readAllBytes();
      Answer answer;
      Scripted script;
      String userId;
      synchronized (this) {
        userId =
            TOKEN.equals(path)
                ? refreshTokens.get(
                    form(new String(body, StandardCharsets.UTF_8)).get("refresh_token"))
                : bearerUser(exchange);
        script = nextScript(userId, path);
      }
      if (script != null && !script.delay().isZero()) {
        sleep(script.delay());
      }
      synchronized (this) {
        if (script != null && script.status() != 0) {
          answer = new Answer(script.status(), script.headers(), script.body());
        } else {
          answer = route(exchange, path, query, body);
        }
        requests.add(
            new Request(
                clock.instant(), exchange.getRequestMethod(), path, query, userId, answer.status));
      }
      send(exchange, answer);
    }
  }

  private record Answer(int status, Map<String, String> headers, String body) {
    Answer(int status, String body) {
      this(status, Map.of(), body);
    }
  }

  private Scripted nextScript(String userId, String path) {
    Deque<Scripted> queue = scripted.get(userId + " " + path);
    return queue == null ? null : queue.poll();
  }

  private Answer route(HttpExchange exchange, String path, String query, byte[] body) {
    String method = exchange.getRequestMethod();
    if (TOKEN.equals(path) && "POST".equals(method)) {
      return token(exchange, new String(body, StandardCharsets.UTF_8));
    }
    if (!"GET".equals(method)) {
      return new Answer(405, error(405, "Method not allowed"));
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      return new Answer(401, error(401, "No token provided"));
    }
    AccessToken access = accessTokens.get(auth.substring("Bearer ".length()));
    if (access == null) {
      return new Answer(401, error(401, "Invalid access token"));
    }
    if (!clock.instant().isBefore(access.expiresAt())) {
      return new Answer(401, error(401, "The access token expired"));
    }
    return switch (path) {
      case CURRENTLY_PLAYING -> currentlyPlaying(access.userId());
      case RECENTLY_PLAYED -> recentlyPlayed(access.userId(), form(query == null ? "" : query));
      default -> new Answer(404, error(404, "Service not found"));
    };
  }

  private Answer token(HttpExchange exchange, String body) {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    if (auth == null || !auth.startsWith("Basic ")) {
      return new Answer(400, oauthError("invalid_client", "Invalid client"));
    }
    if (!auth.equals(expected)) {
      String decoded =
          new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
      return new Answer(
          400,
          oauthError(
              "invalid_client",
              decoded.startsWith(CLIENT_ID + ":") ? "Invalid client secret" : "Invalid client"));
    }
    Map<String, String> form = form(body);
    if (!"refresh_token".equals(form.get("grant_type"))) {
      return new Answer(
          400, oauthError("unsupported_grant_type", "grant_type parameter is missing"));
    }
    String refreshToken = form.get("refresh_token");
    String userId = refreshTokens.get(refreshToken);
    if (userId == null) {
      return new Answer(400, oauthError("invalid_grant", "Invalid refresh token"));
    }
    if (revokedRefreshTokens.contains(refreshToken)) {
      return new Answer(400, oauthError("invalid_grant", "Refresh token revoked"));
    }
    String accessToken = "access-" + userId + "-" + counter.incrementAndGet();
    accessTokens.put(accessToken, new AccessToken(userId, clock.instant().plus(TOKEN_LIFETIME)));
    ObjectNode node = JSON.createObjectNode();
    node.put("access_token", accessToken);
    node.put("token_type", "Bearer");
    node.put("expires_in", TOKEN_LIFETIME.toSeconds());
    node.put("scope", "user-read-currently-playing user-read-recently-played");
    if (rotateRefreshTokens) {
      String rotated = "refresh-" + userId + "-" + counter.incrementAndGet();
      refreshTokens.put(rotated, userId);
      node.put("refresh_token", rotated);
    }
    return new Answer(200, node.toString());
  }

  private Answer currentlyPlaying(String userId) {
    Player player = players.get(userId);
    if (player == null) {
      return new Answer(204, null);
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("timestamp", player.markedAt.toEpochMilli());
    if (player.ad) {
      node.putNull("context");
      node.put("progress_ms", Duration.between(player.markedAt, clock.instant()).toMillis());
      node.putNull("item");
      node.put("currently_playing_type", "ad");
    } else {
      context(node.putObject("context"), player.contextUri);
      node.put("progress_ms", progress(player));
      track(node.putObject("item"), player.track);
      node.put("currently_playing_type", "track");
    }
    ObjectNode disallows = node.putObject("actions").putObject("disallows");
    disallows.put(player.playing ? "resuming" : "pausing", true);
    if (sendingUnknownAction.contains(userId)) {
      disallows.put(UNKNOWN_ACTION, true);
    }
    node.put("is_playing", player.playing);
    return new Answer(200, node.toString());
  }

  private Answer recentlyPlayed(String userId, Map<String, String> query) {
    int limit;
    try {
      limit = Integer.parseInt(query.getOrDefault("limit", "20"));
    } catch (NumberFormatException e) {
      return new Answer(400, error(400, "Invalid limit"));
    }
    if (limit < 1 || limit > 50) {
      return new Answer(400, error(400, "Invalid limit"));
    }
    if (query.containsKey("after") && query.containsKey("before")) {
      return new Answer(400, error(400, "Only one of after and before may be given"));
    }
    Long after = millis(query.get("after"));
    Long before = millis(query.get("before"));
    if ((query.containsKey("after") && after == null)
        || (query.containsKey("before") && before == null)) {
      return new Answer(
          400, error(400, "after and before must be Unix timestamps in milliseconds"));
    }
    List<Played> all = history.getOrDefault(userId, List.of());
    List<Played> page;
    boolean more;
    if (after != null) {
      List<Played> later = all.stream().filter(p -> p.playedAt().toEpochMilli() > after).toList();
      page = later.subList(0, Math.min(limit, later.size()));
      more = later.size() > page.size();
    } else {
      List<Played> earlier =
          before == null
              ? all
              : all.stream().filter(p -> p.playedAt().toEpochMilli() < before).toList();
      page = earlier.subList(Math.max(0, earlier.size() - limit), earlier.size());
      more = earlier.size() > page.size();
    }
    List<Played> newestFirst = new ArrayList<>(page);
    newestFirst.sort(Comparator.comparing(Played::playedAt).reversed());
    ObjectNode node = JSON.createObjectNode();
    ArrayNode items = node.putArray("items");
    for (Played played : newestFirst) {
      ObjectNode item = items.addObject();
      track(item.putObject("track"), played.track());
      item.put("played_at", PLAYED_AT.format(played.playedAt()));
      context(item.putObject("context"), played.contextUri());
    }
    String base = url() + RECENTLY_PLAYED;
    if (newestFirst.isEmpty()) {
      node.putNull("next");
      node.putNull("cursors");
    } else {
      long newest = newestFirst.get(0).playedAt().toEpochMilli();
      long oldest = newestFirst.get(newestFirst.size() - 1).playedAt().toEpochMilli();
      ObjectNode cursors = node.putObject("cursors");
      cursors.put("after", Long.toString(newest));
      cursors.put("before", Long.toString(oldest));
      if (!more) {
        node.putNull("next");
      } else if (after != null) {
        node.put("next", base + "?after=" + newest + "&limit=" + limit);
      } else {
        node.put("next", base + "?before=" + oldest + "&limit=" + limit);
      }
    }
    node.put("limit", limit);
    node.put("href", base + "?limit=" + limit);
    return new Answer(200, node.toString());
  }

  // ---- JSON shapes -----------------------------------------------------------------------

  private static void track(ObjectNode node, Track track) {
    ObjectNode album = node.putObject("album");
    album.put("album_type", "album");
    artists(album.putArray("artists"), track);
    album
        .putObject("external_urls")
        .put("spotify", "https://open.spotify.com/album/" + albumId(track));
    album.put("href", "https://api.spotify.com/v1/albums/" + albumId(track));
    album.put("id", albumId(track));
    album.putArray("images");
    album.put("name", track.album());
    album.put("release_date", "2020-01-01");
    album.put("release_date_precision", "day");
    album.put("total_tracks", 10);
    album.put("type", "album");
    album.put("uri", "spotify:album:" + albumId(track));
    artists(node.putArray("artists"), track);
    node.put("disc_number", 1);
    node.put("duration_ms", track.durationMs());
    node.put("explicit", false);
    node.putObject("external_ids").put("isrc", "USRC17607839");
    node.putObject("external_urls").put("spotify", "https://open.spotify.com/track/" + track.id());
    node.put("href", "https://api.spotify.com/v1/tracks/" + track.id());
    node.put("id", track.id());
    node.put("is_local", false);
    node.put("name", track.name());
    node.put("popularity", 50);
    node.putNull("preview_url");
    node.put("track_number", 1);
    node.put("type", "track");
    node.put("uri", "spotify:track:" + track.id());
  }

  private static void artists(ArrayNode array, Track track) {
    String id = albumId(track).substring(0, 21) + "a";
    ObjectNode artist = array.addObject();
    artist.putObject("external_urls").put("spotify", "https://open.spotify.com/artist/" + id);
    artist.put("href", "https://api.spotify.com/v1/artists/" + id);
    artist.put("id", id);
    artist.put("name", track.artist());
    artist.put("type", "artist");
    artist.put("uri", "spotify:artist:" + id);
  }

  private static void context(ObjectNode node, String uri) {
    String[] parts = uri.split(":");
    node.put("type", parts[1]);
    node.put("href", "https://api.spotify.com/v1/" + parts[1] + "s/" + parts[2]);
    node.putObject("external_urls")
        .put("spotify", "https://open.spotify.com/" + parts[1] + "/" + parts[2]);
    node.put("uri", uri);
  }

  private static String albumId(Track track) {
    return new StringBuilder(track.id()).reverse().toString();
  }

  static String error(int status, String message) {
    ObjectNode node = JSON.createObjectNode();
    ObjectNode error = node.putObject("error");
    error.put("status", status);
    error.put("message", message);
    return node.toString();
  }

  private static String oauthError(String error, String description) {
    ObjectNode node = JSON.createObjectNode();
    node.put("error", error);
    node.put("error_description", description);
    return node.toString();
  }

  // ---- helpers ---------------------------------------------------------------------------

  private Player player(String userId) {
    Player player = players.get(userId);
    if (player == null) {
      throw new IllegalStateException("nothing plays for " + userId);
    }
    return player;
  }

  private long progress(Player player) {
    long progress = player.progressAtMark;
    if (player.playing) {
      progress += Duration.between(player.markedAt, clock.instant()).toMillis();
    }
    return player.track == null ? progress : Math.min(progress, player.track.durationMs());
  }

  private String bearerUser(HttpExchange exchange) {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      return null;
    }
    AccessToken access = accessTokens.get(auth.substring("Bearer ".length()));
    return access == null ? null : access.userId();
  }

  private static Long millis(String value) {
    if (value == null || !value.matches("\\d{1,19}")) {
      return null;
    }
    return Long.parseLong(value);
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      values.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    if (answer.body() == null) {
      exchange.sendResponseHeaders(answer.status(), -1);
      return;
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "SpotifyStandInServer[" + url() + ", " + requests().size() + " requests]";
  }
}
