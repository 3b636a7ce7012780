package io.listening.poller.spotify.backfill;

import io.listening.poller.cli.Version;
import io.listening.poller.kafka.EventPublisher;
import io.listening.poller.kafka.KafkaConfig;
import io.listening.poller.kafka.KafkaOptions;
import io.listening.poller.kafka.TopicSetup;
import io.listening.poller.spotify.PollerConfig;
import io.listening.poller.spotify.PollerOptions;
import io.listening.poller.spotify.api.Backoff;
import io.listening.poller.spotify.api.SpotifyCalls;
import io.listening.poller.spotify.api.SpotifyConnection;
import io.listening.poller.spotify.auth.TokenStore;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code poller recently-played}: one recently-played backfill run for every connected user, then
 * exit. Run it from cron, a systemd timer or Airflow (every hour is plenty: Spotify keeps the last
 * 50 plays). Exits non-zero when a user could not be fetched after retries, so the scheduler
 * retries; users who must reconnect Spotify are reported but do not fail the run.
 */
@Command(
    name = "recently-played",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    versionProvider = Version.class,
    description = {
      "Publishes the recently-played plays the poller missed, once.",
      "For each connected user, continues from a saved cursor and publishes the items the poller"
          + " did not already publish, then exits.",
      "Needs POLLER_TOKEN_KEY, POLLER_SPOTIFY_CLIENT_ID and POLLER_SPOTIFY_CLIENT_SECRET in the"
          + " environment."
    })
public final class RecentlyPlayedCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RecentlyPlayedCommand.class);

  private final Map<String, String> env;

  @Mixin PollerOptions poller;

  @Mixin KafkaOptions kafka;

  /**
   * @param env where the secrets are read from
   */
  public RecentlyPlayedCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PollerConfig config = poller.config(env).requireClientCredentials();
    KafkaConfig kafkaConfig = kafka.config();
    TokenStore tokens = TokenStore.open(config.tokenFile(), config.tokenKey());
    TopicSetup.ensureTopics(kafkaConfig);
    Clock clock = Clock.systemUTC();
    RecentlyPlayedBackfill.Summary summary;
    try (SpotifyConnection connection = SpotifyConnection.create(config);
        EventPublisher publisher = EventPublisher.connect(kafkaConfig)) {
      summary =
          new RecentlyPlayedBackfill(
                  config,
                  tokens,
                  new SpotifyCalls(tokens, connection, clock),
                  publisher,
                  Backoff.withJitter(config.pollInterval(), config.backoffMax()),
                  Sleeper.REAL,
                  clock)
              .run();
    }
    LOG.info(
        "Recently-played backfill done for {} users: {} pages, {} plays published, {} already"
            + " published by the poller, {} users must reconnect, {} failed.",
        summary.users(),
        summary.pages(),
        summary.published(),
        summary.seenByPoller(),
        summary.reconnectNeeded(),
        summary.failedUsers());
    if (summary.failedUsers() > 0) {
      throw new IllegalStateException(
          "the recently-played backfill failed for "
              + summary.failedUsers()
              + " users; their cursors keep what was published, so the next run continues");
    }
    return 0;
  }
}
