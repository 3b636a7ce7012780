package io.listening.poller.spotify;

import io.listening.poller.cli.Env;
import io.listening.poller.cli.MillisConverter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the Spotify commands ({@code poll}, {@code recently-played}, {@code token});
 * {@link #config} turns them, with the two secrets from the environment, into a {@link
 * PollerConfig}. The secrets ({@value PollerConfig#TOKEN_KEY_VARIABLE}, {@value
 * PollerConfig#CLIENT_SECRET_VARIABLE}) are never options: arguments show up in process listings.
 */
public final class PollerOptions {

  @Mixin TokenStoreOptions store;

  @Option(
      names = "--state-dir",
      paramLabel = "dir",
      showDefaultValue = Visibility.NEVER,
      description =
          "Per-user state: tracker state, recent poller plays, backfill cursor. Default:"
              + " <data-dir>/poller.")
  @Env("POLLER_STATE_DIR")
  Path stateDir;

  @Option(
      names = "--spotify-client-id",
      paramLabel = "id",
      description = "Your app's client id (its secret comes from the environment only).")
  @Env(PollerConfig.CLIENT_ID_VARIABLE)
  String clientId;

  @Option(
      names = "--spotify-api-url",
      paramLabel = "url",
      defaultValue = "https://api.spotify.com",
      description = "Web API base, https://host[:port] (tests use a local stand-in).")
  @Env("POLLER_SPOTIFY_API_URL")
  URI apiUrl;

  @Option(
      names = "--spotify-accounts-url",
      paramLabel = "url",
      defaultValue = "https://accounts.spotify.com",
      description = "Token endpoint base, https://host[:port].")
  @Env("POLLER_SPOTIFY_ACCOUNTS_URL")
  URI accountsUrl;

  @Option(
      names = "--poll-interval-ms",
      paramLabel = "ms",
      defaultValue = "5000",
      converter = MillisConverter.class,
      description = "Time between two polls of one user; also the first backoff step.")
  @Env("POLLER_POLL_INTERVAL_MS")
  Duration pollInterval;

  @Option(
      names = "--backoff-max-ms",
      paramLabel = "ms",
      defaultValue = "300000",
      converter = MillisConverter.class,
      description = "Cap of the exponential backoff after 5xx errors and timeouts.")
  @Env("POLLER_BACKOFF_MAX_MS")
  Duration backoffMax;

  @Option(
      names = "--http-timeout-ms",
      paramLabel = "ms",
      defaultValue = "10000",
      converter = MillisConverter.class,
      description = "Connect and response timeout of one call to Spotify.")
  @Env("POLLER_HTTP_TIMEOUT_MS")
  Duration httpTimeout;

  @Option(
      names = "--dedupe-window-ms",
      paramLabel = "ms",
      converter = MillisConverter.class,
      showDefaultValue = Visibility.NEVER,
      description =
          "A fixed window within which a recently-played item and a poller play of the same track"
              + " are one play. Default: unset, the track's length plus --dedupe-margin-ms.")
  @Env("POLLER_DEDUPE_WINDOW_MS")
  Duration dedupeWindow;

  @Option(
      names = "--dedupe-margin-ms",
      paramLabel = "ms",
      defaultValue = "60000",
      converter = MillisConverter.class,
      description = "Added to the track's length to make the cross-source match window.")
  @Env("POLLER_DEDUPE_MARGIN_MS")
  Duration dedupeMargin;

  /**
   * The configuration these options describe.
   *
   * @param env where the secrets are read from
   * @throws IllegalArgumentException naming the option or variable of a missing or bad value
   */
  public PollerConfig config(Map<String, String> env) {
    return new PollerConfig(
        store.tokenFile(),
        TokenStoreOptions.key(env),
        stateDir != null ? stateDir : store.dataDir().resolve("poller"),
        blankToNull(clientId),
        blankToNull(env.get(PollerConfig.CLIENT_SECRET_VARIABLE)),
        apiUrl,
        accountsUrl,
        pollInterval,
        backoffMax,
        httpTimeout,
        dedupeWindow,
        dedupeMargin);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
