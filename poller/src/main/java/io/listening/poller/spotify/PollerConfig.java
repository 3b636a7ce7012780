package io.listening.poller.spotify;

import io.listening.poller.cli.Cli;
import io.listening.poller.spotify.auth.TokenKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration of the Spotify poller, the recently-played backfill and the token command, read by
 * {@link PollerOptions} from the options and {@code POLLER_*} variables (for example {@code
 * --poll-interval-ms=2000} or {@code POLLER_POLL_INTERVAL_MS=2000}). Secrets are read from the
 * environment only, never from arguments, because arguments show up in process listings.
 *
 * @param tokenFile the encrypted token store ({@code POLLER_TOKEN_FILE}, default {@code
 *     $DATA_DIR/spotify-tokens.enc}, {@code DATA_DIR} defaulting to {@code data})
 * @param tokenKey the AES-256 key of the token store ({@code POLLER_TOKEN_KEY}, base64 of 32 bytes,
 *     required, environment only)
 * @param stateDir per-user state: tracker state, recent poller plays, backfill cursor ({@code
 *     POLLER_STATE_DIR}, default {@code $DATA_DIR/poller})
 * @param clientId the Spotify app's client id ({@code POLLER_SPOTIFY_CLIENT_ID}); required by the
 *     commands that call Spotify, {@code null} otherwise
 * @param clientSecret the Spotify app's client secret ({@code POLLER_SPOTIFY_CLIENT_SECRET},
 *     environment only); required by the commands that call Spotify, {@code null} otherwise
 * @param apiUrl where the Web API lives ({@code POLLER_SPOTIFY_API_URL}, default {@code
 *     https://api.spotify.com}); tests point it at a local stand-in
 * @param accountsUrl where the token endpoint lives ({@code POLLER_SPOTIFY_ACCOUNTS_URL}, default
 *     {@code https://accounts.spotify.com})
 * @param pollInterval time between two currently-playing polls of one user ({@code
 *     POLLER_POLL_INTERVAL_MS}, default 5000)
 * @param backoffMax longest wait after repeated server errors or timeouts ({@code
 *     POLLER_BACKOFF_MAX_MS}, default 300000)
 * @param httpTimeout connect and response timeout of one HTTP call ({@code POLLER_HTTP_TIMEOUT_MS},
 *     default 10000)
 * @param dedupeWindow a fixed window within which a recently-played item and a poller play of the
 *     same track are the same play ({@code POLLER_DEDUPE_WINDOW_MS}); {@code null} (the default)
 *     means the track's length plus {@code dedupeMargin}
 * @param dedupeMargin added to the track's length when {@code dedupeWindow} is not set ({@code
 *     POLLER_DEDUPE_MARGIN_MS}, default 60000)
 */
public record PollerConfig(
    Path tokenFile,
    TokenKey tokenKey,
    Path stateDir,
    String clientId,
    String clientSecret,
    URI apiUrl,
    URI accountsUrl,
    Duration pollInterval,
    Duration backoffMax,
    Duration httpTimeout,
    Duration dedupeWindow,
    Duration dedupeMargin) {

  public static final String TOKEN_KEY_VARIABLE = "POLLER_TOKEN_KEY";
  public static final String CLIENT_ID_VARIABLE = "POLLER_SPOTIFY_CLIENT_ID";
  public static final String CLIENT_SECRET_VARIABLE = "POLLER_SPOTIFY_CLIENT_SECRET";

  /** Spotify serves at most this many users of an app in development mode. */
  public static final int DEVELOPMENT_MODE_USER_LIMIT = 5;

  public PollerConfig {
    requirePositive(pollInterval, "poll-interval-ms");
    requirePositive(backoffMax, "backoff-max-ms");
    requirePositive(httpTimeout, "http-timeout-ms");
    requireBaseUrl(apiUrl, "spotify-api-url");
    requireBaseUrl(accountsUrl, "spotify-accounts-url");
    if (backoffMax.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException(
          "backoff-max-ms must be at least poll-interval-ms, got "
              + backoffMax.toMillis()
              + " < "
              + pollInterval.toMillis());
    }
    if (dedupeWindow != null && dedupeWindow.isNegative()) {
      throw new IllegalArgumentException("dedupe-window-ms must not be negative");
    }
    if (dedupeMargin.isNegative()) {
      throw new IllegalArgumentException("dedupe-margin-ms must not be negative");
    }
  }

  /**
   * The configuration a Spotify command run without arguments would use: {@code POLLER_*} and
   * {@code DATA_DIR} variables, else the defaults.
   *
   * @throws IllegalArgumentException naming the variable when a value is missing or malformed
   */
  public static PollerConfig fromEnv(Map<String, String> env) {
    return Cli.fromEnvironment(new PollerOptions(), env).config(env);
  }

  /**
   * Checks that the Spotify app's credentials are present; the commands that call Spotify call this
   * first so a missing one fails at start with its name.
   */
  public PollerConfig requireClientCredentials() {
    if (clientId == null) {
      throw new IllegalArgumentException(
          CLIENT_ID_VARIABLE + " is required: the client id of your app in Spotify's dashboard");
    }
    if (clientSecret == null) {
      throw new IllegalArgumentException(
          CLIENT_SECRET_VARIABLE
              + " is required (environment only): the client secret of your Spotify app");
    }
    return this;
  }

  /** The window within which two descriptions of a play of a track this long are one play. */
  public Duration dedupeWindowFor(long trackDurationMs) {
    return dedupeWindow != null
        ? dedupeWindow
        : Duration.ofMillis(Math.max(0, trackDurationMs)).plus(dedupeMargin);
  }

  /** Never prints the secret values. */
  @Override
  public String toString() {
    return "PollerConfig[tokenFile="
        + tokenFile
        + ", stateDir="
        + stateDir
        + ", clientId="
        + clientId
        + ", clientSecret="
        + (clientSecret == null ? "unset" : "set")
        + ", apiUrl="
        + apiUrl
        + ", accountsUrl="
        + accountsUrl
        + ", pollInterval="
        + pollInterval
        + ", backoffMax="
        + backoffMax
        + ", httpTimeout="
        + httpTimeout
        + ", dedupeWindow="
        + (dedupeWindow == null ? "track length + " + dedupeMargin : dedupeWindow)
        + "]";
  }

  private static void requireBaseUrl(URI uri, String name) {
    String path = uri.getRawPath();
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getHost() == null
        || (path != null && !path.isEmpty() && !"/".equals(path))
        || uri.getRawQuery() != null) {
      throw new IllegalArgumentException(
          name + " must look like https://host[:port] with no path, got '" + uri + "'");
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value.toMillis());
    }
  }
}
