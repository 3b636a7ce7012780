package io.listening.poller.spotify.playback;

import static io.listening.poller.spotify.SpotifyStandInServer.CURRENTLY_PLAYING;
import static org.assertj.core.api.Assertions.assertThat;

import io.listening.poller.kafka.EventPublisher;
import io.listening.poller.spotify.PollerConfig;
import io.listening.poller.spotify.SpotifyStandInServer;
import io.listening.poller.spotify.SpotifyStandInServer.Track;
import io.listening.poller.spotify.TestConfigs;
import io.listening.poller.spotify.api.Backoff;
import io.listening.poller.spotify.api.SpotifyCalls;
import io.listening.poller.spotify.api.SpotifyConnection;
import io.listening.poller.spotify.auth.TokenStore;
import io.listening.poller.spotify.auth.UserTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon loop on the real clock with a short interval. */
class PollLoopTest {

  private static final Track A =
      new Track(
          "4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", "Rick Astley", "Whenever", 180_000);

  @TempDir Path dir;

  private final MockProducer<String, String> producer =
      new MockProducer<>(true, new StringSerializer(), new StringSerializer());
  private final AtomicBoolean connectionClosed = new AtomicBoolean();
  private SpotifyStandInServer spotify;
  private PollerConfig config;
  private TokenStore tokens;
  private PollLoop loop;

  @BeforeEach
  void start() {
    spotify = SpotifyStandInServer.start(Clock.systemUTC());
    config = TestConfigs.config(dir, spotify.url(), Map.of("POLLER_POLL_INTERVAL_MS", "50"));
    tokens = TokenStore.open(config.tokenFile(), config.tokenKey());
    tokens.put(
        UserTokens.connected("alice", spotify.connect("alice"), Clock.systemUTC().instant()));
    spotify.play("alice", A);
    SpotifyConnection connection = SpotifyConnection.create(config);
    SpotifyPoller poller =
        new SpotifyPoller(
            config,
            tokens,
            new SpotifyCalls(tokens, connection, Clock.systemUTC()),
            new EventPublisher(producer, Clock.systemUTC()),
            Backoff.withJitter(config.pollInterval(), config.backoffMax()));
    loop =
        new PollLoop(
            poller,
            config.pollInterval(),
            Clock.systemUTC(),
            connection,
            () -> connectionClosed.set(true));
  }

  @AfterEach
  void stop() {
    spotify.close();
  }

  private void awaitPolls(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (spotify.requests("alice", CURRENTLY_PLAYING).size() < count) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void stopFinishesThePollSavesStateAndClosesTheProducer() throws Exception {
    CompletableFuture<Void> running = CompletableFuture.runAsync(loop::run);
    awaitPolls(3);

    loop.stop(); // what the SIGTERM hook does
    running.get(10, TimeUnit.SECONDS);

    int polls = spotify.requests("alice", CURRENTLY_PLAYING).size();
    Thread.sleep(200);
    assertThat(spotify.requests("alice", CURRENTLY_PLAYING)).hasSize(polls);
    assertThat(producer.closed()).isTrue();
    assertThat(connectionClosed).isTrue();
    assertThat(Files.readString(dir.resolve("poller/users/alice/playback.json"))).contains(A.id());
  }

  @Test
  void failingPollStopsTheLoopCleanlyAndIsRethrown() throws Exception {
    CompletableFuture<Void> running = CompletableFuture.runAsync(loop::run);
    awaitPolls(2);

    Files.write(config.tokenFile(), new byte[] {1, 2, 3});

    assertThat(running)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withMessageContaining("not a token store");
    assertThat(producer.closed()).isTrue();
    assertThat(connectionClosed).isTrue();
  }
}
