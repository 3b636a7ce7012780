package io.listening.poller.spotify.playback;

import static io.listening.poller.spotify.SpotifyStandInServer.CURRENTLY_PLAYING;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.listening.events.PlayEventCodec;
import io.listening.events.Topics;
import io.listening.poller.kafka.EventPublisher;
import io.listening.poller.spotify.LogCapture;
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
import java.util.function.BooleanSupplier;
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
  private static final Track B =
      new Track("7GhIk7Il098yCjg4BQjzvb", "Take On Me", "a-ha", "Hunting High and Low", 200_000);

  @TempDir Path dir;

  private final MockProducer<String, String> producer =
      new MockProducer<>(true, new StringSerializer(), new StringSerializer());
  private final AtomicBoolean connectionClosed = new AtomicBoolean();
  private SpotifyStandInServer spotify;
  private PollerConfig config;
  private TokenStore tokens;
  private SpotifyCalls calls;
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
    calls = new SpotifyCalls(tokens, connection, Clock.systemUTC());
    SpotifyPoller poller =
        new SpotifyPoller(
            config,
            tokens,
            calls,
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
    await(() -> spotify.requests("alice", CURRENTLY_PLAYING).size() >= count);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private boolean published(String trackId) {
    return producer.history().stream()
        .filter(record -> Topics.ALL.contains(record.topic()))
        .anyMatch(record -> PlayEventCodec.decode(record.value()).trackId().equals(trackId));
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

  @Test
  void unreadableAnswersNeitherStopTheLoopNorLoseTheNextPlay() throws Exception {
    try (LogCapture log = LogCapture.of(SpotifyCalls.class)) {
      CompletableFuture<Void> running = CompletableFuture.runAsync(loop::run);
      awaitPolls(2);

      spotify.sendUnknownAction("alice", true);
      await(() -> calls.unreadableAnswers() >= 3);
      assertThat(running).isNotDone();

      spotify.sendUnknownAction("alice", false);
      long unreadable = calls.unreadableAnswers();
      int polls = spotify.requests("alice", CURRENTLY_PLAYING).size();
      awaitPolls(polls + 2);
      spotify.play("alice", B);
      await(() -> published(A.id()));

      loop.stop();
      running.get(10, TimeUnit.SECONDS);
      assertThat(calls.unreadableAnswers()).isBetween(unreadable, unreadable + 1);
      assertThat(log.lines(Level.WARN)).hasSize(1);
    }
  }
}
