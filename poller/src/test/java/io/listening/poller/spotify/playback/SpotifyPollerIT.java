package io.listening.poller.spotify.playback;

import static io.listening.poller.spotify.SpotifyStandInServer.CURRENTLY_PLAYING;
import static io.listening.poller.spotify.SpotifyStandInServer.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listening.events.EventTypes;
import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;
import io.listening.events.PlayEventValidator;
import io.listening.events.Sources;
import io.listening.events.Topics;
import io.listening.poller.cli.CommandRun;
import io.listening.poller.kafka.EventPublisher;
import io.listening.poller.kafka.KafkaConfig;
import io.listening.poller.kafka.TopicSetup;
import io.listening.poller.spotify.MutableClock;
import io.listening.poller.spotify.PollerConfig;
import io.listening.poller.spotify.SpotifyStandInServer;
import io.listening.poller.spotify.SpotifyStandInServer.Request;
import io.listening.poller.spotify.SpotifyStandInServer.Scripted;
import io.listening.poller.spotify.SpotifyStandInServer.Track;
import io.listening.poller.spotify.TestConfigs;
import io.listening.poller.spotify.api.Backoff;
import io.listening.poller.spotify.api.SpotifyCalls;
import io.listening.poller.spotify.api.SpotifyConnection;
import io.listening.poller.spotify.auth.TokenStore;
import io.listening.poller.spotify.auth.UserTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Acceptance: the poller and the backfill end to end, through spotify-web-api-java over HTTP
 * against the Spotify stand-in, publishing to a real (embedded, KRaft) Kafka broker. Polls are
 * driven by hand on a test clock, so minutes of listening take a second.
 */
class SpotifyPollerIT {

  private static final Instant T0 = Instant.parse("2025-01-02T10:00:00Z");
  private static final long POLL_MS = 5_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Track A =
      new Track(
          "4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", "Rick Astley", "Whenever", 180_000);
  private static final Track B =
      new Track("7GhIk7Il098yCjg4BQjzvb", "Take On Me", "a-ha", "Hunting High and Low", 200_000);
  private static final Track C =
      new Track("0VjIjW4GlUZAMYd2vXMi3b", "Blinding Lights", "The Weeknd", "After Hours", 150_000);
  private static final Track D =
      new Track("3n3Ppam7vgaVa1iaRUc9Lp", "Mr. Brightside", "The Killers", "Hot Fuss", 222_000);
  private static final Track E =
      new Track(
          "2takcwOaAZWiXQijPHIx7B", "Time to Pretend", "MGMT", "Oracular Spectacular", 261_000);
  private static final String CONTEXT = "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M";

  private static EmbeddedKafkaKraftBroker kafka;
  private static KafkaConfig kafkaConfig;

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private SpotifyStandInServer spotify;
  private PollerConfig config;
  private TokenStore tokens;
  private SpotifyConnection connection;
  private SpotifyPoller poller;

  @BeforeAll
  static void startKafka() {
    kafka = new EmbeddedKafkaKraftBroker(1, 2);
    kafka.afterPropertiesSet();
    kafkaConfig =
        new KafkaConfig(kafka.getBrokersAsString(), 2, (short) 1, Duration.ofSeconds(15));
    TopicSetup.ensureTopics(kafkaConfig);
    NowPlayingTopic.ensure(kafkaConfig);
    NowPlayingTopic.ensure(kafkaConfig); // a second start finds it and changes nothing
  }

  @AfterAll
  static void stopKafka() {
    kafka.destroy();
  }

  @BeforeEach
  void start() {
    spotify = SpotifyStandInServer.start(clock);
    config = TestConfigs.config(dir, spotify.url());
    tokens = TokenStore.open(config.tokenFile(), config.tokenKey());
    connection = SpotifyConnection.create(config);
  }

  @AfterEach
  void stop() {
    if (poller != null) {
      poller.close();
    }
    connection.close();
    spotify.close();
  }

  private void connect(String userId) {
    tokens.put(UserTokens.connected(userId, spotify.connect(userId), clock.instant()));
  }

  private SpotifyPoller newPoller() {
    return new SpotifyPoller(
        config,
        tokens,
        new SpotifyCalls(tokens, connection, clock),
        EventPublisher.connect(kafkaConfig),
        new Backoff(config.pollInterval(), config.backoffMax(), () -> 0.5));
  }

  private void pollAt(long seconds) {
    clock.set(T0.plusSeconds(seconds));
    poller.pollOnce(clock.instant());
  }

  private void pollEvery5s(long fromSeconds, long toSeconds) {
    for (long t = fromSeconds; t <= toSeconds; t += 5) {
      pollAt(t);
    }
  }

  @Test
  void listeningSessionYieldsEachPlayExactlyOnceAcrossTokenExpiryRateLimitAndRestart() {
    connect("alice");
    poller = newPoller();

    // A plays in full: 3 minutes.
    spotify.play("alice", A);
    pollEvery5s(0, 175);
    // B starts when A ends and is skipped after 10 s for C.
    clock.set(T0.plusSeconds(180));
    spotify.play("alice", B);
    pollEvery5s(180, 185);
    clock.set(T0.plusSeconds(190));
    spotify.play("alice", C);
    pollEvery5s(190, 230);
    // The access token expires: the next poll gets 401, refreshes and carries on.
    spotify.expireAccessTokens("alice");
    clock.set(T0.plusSeconds(232));
    spotify.pause("alice"); // C at 42 s
    pollEvery5s(235, 250);
    // The poller restarts in the middle of the paused play.
    poller.close();
    poller = newPoller();
    // Spotify rate-limits the next poll for 7 s.
    spotify.failNext("alice", CURRENTLY_PLAYING, Scripted.rateLimited(7));
    pollEvery5s(255, 290);
    clock.set(T0.plusSeconds(292));
    spotify.resume("alice"); // after 60 s of pause; C ends at 400 s
    pollEvery5s(295, 400);
    spotify.stop("alice");
    pollAt(405);
    poller.close();
    poller = null;

    List<PlayEvent> events = events("alice");
    assertThat(events).hasSize(3);
    assertThat(events).extracting(PlayEvent::eventId).doesNotHaveDuplicates();
    assertThat(events).extracting(PlayEvent::trackId).containsExactly(A.id(), B.id(), C.id());
    assertThat(events)
        .extracting(PlayEvent::eventType)
        .containsOnly(EventTypes.PLAY);
    assertThat(events).extracting(PlayEvent::topic).containsOnly(Topics.PLAYS);
    assertThat(events.get(0).msPlayed()).isBetween(180_000 - POLL_MS, 180_000 + POLL_MS);
    assertThat(events.get(1).msPlayed()).isBetween(10_000 - POLL_MS, 10_000 + POLL_MS);
    assertThat(events.get(2).msPlayed()).isBetween(150_000 - POLL_MS, 150_000 + POLL_MS);
    assertThat(events.get(2).startedAt()).isEqualTo(T0.plusSeconds(190));
    assertThat(events.get(2).playedAt()).isBetween(T0.plusSeconds(400), T0.plusSeconds(405));
    for (PlayEvent event : events) {
      assertThat(event.source()).isEqualTo(Sources.SPOTIFY_POLL);
      assertThat(PlayEventValidator.violations(event, event.ingestedAt())).isEmpty();
    }

    List<Request> polls = spotify.requests("alice", CURRENTLY_PLAYING);
    assertThat(polls).extracting(Request::status).contains(401, 429);
    assertThat(spotify.requests("alice", TOKEN)).hasSize(2);
    Instant limitedAt =
        polls.stream().filter(r -> r.status() == 429).findFirst().orElseThrow().at();
    assertThat(polls)
        .filteredOn(r -> r.at().isAfter(limitedAt))
        .first()
        .satisfies(next -> assertThat(next.at()).isAfterOrEqualTo(limitedAt.plusSeconds(7)));

    List<String> statuses =
        nowPlaying("alice").stream().map(node -> node.get("status").asText()).toList();
    assertThat(statuses).startsWith("playing").contains("paused").endsWith("nothing_playing");
  }

  @Test
  void backfillPublishesOnlyThePlaysThePollerMissedAndContinuesFromItsCursor() {
    connect("bob");
    poller = newPoller();
    spotify.play("bob", A, 0, CONTEXT);
    pollEvery5s(0, 180);
    spotify.stop("bob");
    pollAt(185);
    poller.close();
    poller = null;
    // Spotify's history: A (seen by the poller, Spotify's time 0.4 s later than the poller's),
    // then D played on another device while the poller was not running.
    spotify.played("bob", A, T0.plusMillis(180_400), CONTEXT);
    spotify.played("bob", D, T0.plusSeconds(1_200), CONTEXT);
    Map<String, String> env = new HashMap<>(TestConfigs.env(dir, spotify.url()));
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.getBrokersAsString());

    assertThat(CommandRun.poller(env, "recently-played").exitCode()).isZero();
    assertThat(CommandRun.poller(env, "recently-played").exitCode()).isZero();
    spotify.played("bob", E, T0.plusSeconds(1_500), CONTEXT);
    assertThat(CommandRun.poller(env, "recently-played").exitCode()).isZero();

    List<PlayEvent> events = events("bob");
    assertThat(events)
        .extracting(PlayEvent::source, PlayEvent::trackId)
        .containsExactlyInAnyOrder(
            tuple(Sources.SPOTIFY_POLL, A.id()),
            tuple(Sources.SPOTIFY_RECENTLY_PLAYED, D.id()),
            tuple(Sources.SPOTIFY_RECENTLY_PLAYED, E.id()));
    assertThat(spotify.requests("bob", SpotifyStandInServer.RECENTLY_PLAYED))
        .extracting(Request::query)
        .containsExactly(
            "limit=50",
            "limit=50&after=" + T0.plusSeconds(1_200).toEpochMilli(),
            "limit=50&after=" + T0.plusSeconds(1_200).toEpochMilli(),
            "limit=50&after=" + T0.plusSeconds(1_200).toEpochMilli(),
            "limit=50&after=" + T0.plusSeconds(1_500).toEpochMilli());
  }

  // ---- reading the topics back -----------------------------------------------------------

  private static List<PlayEvent> events(String userId) {
    List<PlayEvent> events = new ArrayList<>();
    for (ConsumerRecord<String, String> record : readAll(Topics.ALL)) {
      if (userId.equals(record.key())) {
        events.add(PlayEventCodec.decode(record.value()));
      }
    }
    events.sort((x, y) -> x.playedAt().compareTo(y.playedAt()));
    return events;
  }

  private static List<JsonNode> nowPlaying(String userId) {
    List<JsonNode> nodes = new ArrayList<>();
    for (ConsumerRecord<String, String> record : readAll(List.of(NowPlayingTopic.NAME))) {
      if (userId.equals(record.key())) {
        try {
          nodes.add(JSON.readTree(record.value()));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    }
    // One user's records share a partition, so offset order is publication order.
    return nodes;
  }

  /** Every record of the topics, read until the end offsets seen at the start. */
  private static List<ConsumerRecord<String, String>> readAll(List<String> topics) {
    Map<String, Object> properties =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.getBrokersAsString(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        for (PartitionInfo info : consumer.partitionsFor(topic)) {
          partitions.add(new TopicPartition(topic, info.partition()));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topics + " to the end within 20 s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
