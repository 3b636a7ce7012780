package io.listening.poller.spotify.playback;

import io.listening.poller.kafka.EventPublisher;
import io.listening.poller.kafka.KafkaConfig;
import io.listening.poller.kafka.TopicSetup;
import io.listening.poller.spotify.PollerConfig;
import io.listening.poller.spotify.api.Backoff;
import io.listening.poller.spotify.api.SpotifyCalls;
import io.listening.poller.spotify.api.SpotifyConnection;
import io.listening.poller.spotify.auth.TokenStore;
import io.listening.poller.spotify.auth.UserTokens;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code poller poll}: the Spotify poller daemon. Polls currently-playing for every connected user
 * every {@code POLLER_POLL_INTERVAL_MS} and publishes finished plays to the {@code spotify-*}
 * topics and playback changes to {@value NowPlayingTopic#NAME}, until SIGTERM. Configuration:
 * {@link PollerConfig} and {@link KafkaConfig}.
 */
public final class PollCommand {

  private static final Logger LOG = LoggerFactory.getLogger(PollCommand.class);

  private PollCommand() {}

  public static void run(Map<String, String> env, Map<String, String> args) {
    PollerConfig config = PollerConfig.fromEnv(env, args).requireClientCredentials();
    KafkaConfig kafka = KafkaConfig.from(env, args);
    TokenStore tokens = TokenStore.open(config.tokenFile(), config.tokenKey());
    long connected = tokens.users().values().stream().filter(UserTokens::isConnected).count();
    LOG.info(
        "Polling {} connected Spotify users ({} in {}) every {} ms; state in {}.",
        connected,
        tokens.users().size(),
        config.tokenFile(),
        config.pollInterval().toMillis(),
        config.stateDir());
    TopicSetup.ensureTopics(kafka);
    NowPlayingTopic.ensure(kafka);
    Clock clock = Clock.systemUTC();
    SpotifyConnection connection = SpotifyConnection.create(config);
    SpotifyPoller poller =
        new SpotifyPoller(
            config,
            tokens,
            new SpotifyCalls(tokens, connection, clock),
            EventPublisher.connect(kafka),
            Backoff.withJitter(config.pollInterval(), config.backoffMax()));
    new PollLoop(poller, config.pollInterval(), clock, connection).run();
  }
}
