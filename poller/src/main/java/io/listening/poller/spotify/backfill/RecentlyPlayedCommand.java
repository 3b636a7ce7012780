package io.listening.poller.spotify.backfill;

import io.listening.poller.kafka.EventPublisher;
import io.listening.poller.kafka.KafkaConfig;
import io.listening.poller.kafka.TopicSetup;
import io.listening.poller.spotify.PollerConfig;
import io.listening.poller.spotify.api.Backoff;
import io.listening.poller.spotify.api.SpotifyCalls;
import io.listening.poller.spotify.api.SpotifyConnection;
import io.listening.poller.spotify.auth.TokenStore;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code poller recently-played}: one recently-played backfill run for every connected user, then
 * exit. Run it from cron, a systemd timer or Airflow (every hour is plenty: Spotify keeps the last
 * 50 plays). Exits non-zero when a user could not be fetched after retries, so the scheduler
 * retries; users who must reconnect Spotify are reported but do not fail the run.
 */
public final class RecentlyPlayedCommand {

  private static final Logger LOG = LoggerFactory.getLogger(RecentlyPlayedCommand.class);

  private RecentlyPlayedCommand() {}

  public static void run(Map<String, String> env, Map<String, String> args) {
    PollerConfig config = PollerConfig.fromEnv(env, args).requireClientCredentials();
    KafkaConfig kafka = KafkaConfig.from(env, args);
    TokenStore tokens = TokenStore.open(config.tokenFile(), config.tokenKey());
    TopicSetup.ensureTopics(kafka);
    Clock clock = Clock.systemUTC();
    RecentlyPlayedBackfill.Summary summary;
    try (SpotifyConnection connection = SpotifyConnection.create(config);
        EventPublisher publisher = EventPublisher.connect(kafka)) {
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
  }
}
