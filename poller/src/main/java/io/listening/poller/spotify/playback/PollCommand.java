package io.listening.poller.spotify.playback;

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
import io.listening.poller.spotify.auth.UserTokens;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code poller poll}: the Spotify poller daemon. Polls currently-playing for every connected user
 * every poll interval and publishes finished plays to {@code spotify-plays} and playback changes to
 * {@value NowPlayingTopic#NAME}, until SIGTERM.
 */
@Command(
    name = "poll",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    versionProvider = Version.class,
    description = {
      "Daemon: publishes what connected users play on Spotify, until SIGTERM.",
      "Polls currently-playing for every connected user, publishes each play that ends and every"
          + " playback change (to the compacted topic spotify-now-playing).",
      "Needs POLLER_TOKEN_KEY, POLLER_SPOTIFY_CLIENT_ID and POLLER_SPOTIFY_CLIENT_SECRET in the"
          + " environment."
    })
public final class PollCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(PollCommand.class);

  private final Map<String, String> env;

  @Mixin PollerOptions poller;

  @Mixin KafkaOptions kafka;

  /**
   * @param env where the secrets are read from
   */
  public PollCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PollerConfig config = poller.config(env).requireClientCredentials();
    KafkaConfig kafkaConfig = kafka.config();
    TokenStore tokens = TokenStore.open(config.tokenFile(), config.tokenKey());
    long connected = tokens.users().values().stream().filter(UserTokens::isConnected).count();
    LOG.info(
        "Polling {} connected Spotify users ({} in {}) every {} ms; state in {}.",
        connected,
        tokens.users().size(),
        config.tokenFile(),
        config.pollInterval().toMillis(),
        config.stateDir());
    TopicSetup.ensureTopics(kafkaConfig);
    NowPlayingTopic.ensure(kafkaConfig);
    Clock clock = Clock.systemUTC();
    SpotifyConnection connection = SpotifyConnection.create(config);
    SpotifyPoller spotifyPoller =
        new SpotifyPoller(
            config,
            tokens,
            new SpotifyCalls(tokens, connection, clock),
            EventPublisher.connect(kafkaConfig),
            Backoff.withJitter(config.pollInterval(), config.backoffMax()));
    new PollLoop(spotifyPoller, config.pollInterval(), clock, connection).run();
    return 0;
  }
}
