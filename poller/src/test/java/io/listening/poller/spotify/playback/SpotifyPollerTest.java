package io.listening.poller.spotify.playback;

import static io.listening.poller.spotify.SpotifyStandInServer.CURRENTLY_PLAYING;
import static io.listening.poller.spotify.SpotifyStandInServer.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listening.events.EventTypes;
import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;
import io.listening.events.Sources;
import io.listening.events.Topics;
import io.listening.poller.kafka.EventPublisher;
import io.listening.poller.spotify.LogCapture;
import io.listening.poller.spotify.MutableClock;
import io.listening.poller.spotify.PollerConfig;
import io.listening.poller.spotify.PollerPlayLog;
import io.listening.poller.spotify.SpotifyStandInServer;
import io.listening.poller.spotify.SpotifyStandInServer.Request;
import io.listening.poller.spotify.SpotifyStandInServer.Scripted;
import io.listening.poller.spotify.SpotifyStandInServer.Track;
import io.listening.poller.spotify.TestConfigs;
import io.listening.poller.spotify.UserFiles;
import io.listening.poller.spotify.api.Backoff;
import io.listening.poller.spotify.api.SpotifyCalls;
import io.listening.poller.spotify.api.SpotifyConnection;
import io.listening.poller.spotify.auth.TokenStatus;
import io.listening.poller.spotify.auth.TokenStore;
import io.listening.poller.spotify.auth.UserTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller through the real library against the stand-in, publishing to a mock producer. */
class SpotifyPollerTest {

  private static final Instant T0 = Instant.parse("2025-01-02T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Track A =
      new Track(
          "4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", "Rick Astley", "Whenever", 180_000);
  private static final Track B =
      new Track("7GhIk7Il098yCjg4BQjzvb", "Take On Me", "a-ha", "Hunting High and Low", 200_000);

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private final List<MockProducer<String, String>> producers = new ArrayList<>();
  private SpotifyStandInServer spotify;
  private PollerConfig config;
  private TokenStore tokens;
  private SpotifyConnection connection;
  private SpotifyCalls calls;
  private SpotifyPoller poller;

  @BeforeEach
  void start() {
    spotify = SpotifyStandInServer.start(clock);
    config = TestConfigs.config(dir, spotify.url(), Map.of("POLLER_BACKOFF_MAX_MS", "20000"));
    tokens = TokenStore.open(config.tokenFile(), config.tokenKey());
    connection = SpotifyConnection.create(config);
    connect("alice");
    poller = newPoller();
  }

  @AfterEach
  void stop() {
    connection.close();
    spotify.close();
  }

  private void connect(String userId) {
    tokens.put(UserTokens.connected(userId, spotify.connect(userId), clock.instant()));
  }

  private SpotifyPoller newPoller() {
    MockProducer<String, String> producer =
        new MockProducer<>(true, new StringSerializer(), new StringSerializer());
    producers.add(producer);
    calls = new SpotifyCalls(tokens, connection, clock);
    return new SpotifyPoller(
        config,
        tokens,
        calls,
        new EventPublisher(producer, clock),
        new Backoff(config.pollInterval(), config.backoffMax(), () -> 0.5));
  }

  private void pollAt(long seconds) {
    clock.set(T0.plusSeconds(seconds));
    poller.pollOnce(clock.instant());
  }

  private void pollEvery5sUntil(long fromSeconds, long toSeconds) {
    for (long t = fromSeconds; t <= toSeconds; t += 5) {
      pollAt(t);
    }
  }

  private List<ProducerRecord<String, String>> records() {
    return producers.stream().flatMap(p -> p.history().stream()).toList();
  }

  private List<PlayEvent> events() {
    return records().stream()
        .filter(r -> Topics.ALL.contains(r.topic()))
        .map(r -> PlayEventCodec.decode(r.value()))
        .toList();
  }

  private List<JsonNode> nowPlaying() {
    List<JsonNode> nodes = new ArrayList<>();
    for (ProducerRecord<String, String> r : records()) {
      if (r.topic().equals(NowPlayingTopic.NAME)) {
        try {
          nodes.add(JSON.readTree(r.value()));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    }
    return nodes;
  }

  private List<Long> secondsOfCalls(String userId) {
    return spotify.requests(userId, CURRENTLY_PLAYING).stream()
        .map(Request::at)
        .map(at -> Duration.between(T0, at).toSeconds())
        .toList();
  }

  @Test
  void finishedPlayIsPublishedOnceToItsTopicKeyedByUser() {
    spotify.play("alice", A);
    pollEvery5sUntil(0, 180);
    assertThat(events()).isEmpty();

    spotify.play("alice", B, 5_000, "spotify:album:2noRn2Aes5aoNVsU6iWThc");
    pollAt(185);

    assertThat(events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.eventType()).isEqualTo(EventTypes.PLAY);
              assertThat(event.trackId()).isEqualTo(A.id());
              assertThat(event.trackName()).isEqualTo(A.name());
              assertThat(event.artistName()).isEqualTo(A.artist());
              assertThat(event.albumName()).isEqualTo(A.album());
              assertThat(event.durationMs()).isEqualTo(180_000L);
              assertThat(event.msPlayed()).isEqualTo(180_000);
              assertThat(event.startedAt()).isEqualTo(T0);
              assertThat(event.playedAt()).isEqualTo(T0.plusSeconds(180));
              assertThat(event.contextUri()).isEqualTo("spotify:playlist:37i9dQZF1DXcBWIGoYBM5M");
              assertThat(event.source()).isEqualTo(Sources.SPOTIFY_POLL);
              assertThat(event.ingestedAt()).isEqualTo(T0.plusSeconds(185));
            });
    ProducerRecord<String, String> record =
        records().stream().filter(r -> r.topic().equals(Topics.PLAYS)).findFirst().orElseThrow();
    assertThat(record.key()).isEqualTo("alice");
    assertThat(new PollerPlayLog(new UserFiles(config.stateDir())).load("alice"))
        .containsExactly(new PollerPlayLog.Play(A.id(), T0.plusSeconds(180), 180_000L));
  }

  @Test
  void nowPlayingIsPublishedOnChangesOnly() {
    spotify.play("alice", A);
    pollEvery5sUntil(0, 30);
    spotify.pause("alice");
    pollEvery5sUntil(35, 60);
    spotify.resume("alice");
    pollEvery5sUntil(65, 80);
    spotify.stop("alice");
    pollAt(85);

    assertThat(nowPlaying())
        .extracting(node -> node.get("status").asText())
        .containsExactly("playing", "paused", "playing", "nothing_playing");
    JsonNode paused = nowPlaying().get(1);
    assertThat(paused.get("user_id").asText()).isEqualTo("alice");
    assertThat(paused.get("track_id").asText()).isEqualTo(A.id());
    assertThat(paused.get("progress_ms").asLong()).isEqualTo(30_000);
    assertThat(paused.get("observed_at").asText()).isEqualTo(T0.plusSeconds(35).toString());
    assertThat(events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.msPlayed()).isEqualTo(30_000 + 20_000 + 5_000);
              assertThat(event.eventType()).isEqualTo(EventTypes.PLAY);
            });
  }

  @Test
  void adEndsThePlayAndShowsAsNothingPlaying() {
    spotify.play("alice", A);
    pollEvery5sUntil(0, 20);
    spotify.ad("alice");
    pollAt(25);

    assertThat(events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.eventType()).isEqualTo(EventTypes.PLAY);
              assertThat(event.msPlayed()).isEqualTo(25_000);
            });
    JsonNode last = nowPlaying().get(nowPlaying().size() - 1);
    assertThat(last.get("status").asText()).isEqualTo("nothing_playing");
    assertThat(last.get("currently_playing_type").asText()).isEqualTo("ad");
  }

  @Test
  void rateLimitedUserIsNotCalledBeforeRetryAfter() {
    spotify.play("alice", A);
    pollAt(0);
    spotify.failNext("alice", CURRENTLY_PLAYING, Scripted.rateLimited(7));

    pollEvery5sUntil(5, 30);

    // 429 at 5 s; Retry-After 7 s plus 0.5 s jitter: nothing at 10 s, next call at 15 s.
    assertThat(secondsOfCalls("alice")).containsExactly(0L, 5L, 15L, 20L, 25L, 30L);
  }

  @Test
  void serverErrorsBackOffExponentiallyUpToTheCap() {
    spotify.failNext(
        "alice",
        CURRENTLY_PLAYING,
        Scripted.serverError(500),
        Scripted.serverError(502),
        Scripted.serverError(500),
        Scripted.serverError(500));

    for (long t = 0; t <= 45; t++) {
      pollAt(t);
    }

    // Waits with jitter 0.5: 3.75 s, 7.5 s, 15 s, then capped at 20 s -> 15 s.
    assertThat(secondsOfCalls("alice")).startsWith(0L, 4L, 12L, 27L, 42L);
    assertThat(spotify.requests("alice", CURRENTLY_PLAYING).get(4).status()).isEqualTo(204);
    assertThat(secondsOfCalls("alice")).contains(43L, 44L, 45L);
  }

  @Test
  void rejectedRefreshTokenStopsPollingThatUserOnlyUntilTheyReconnect() {
    connect("bob");
    spotify.revokeRefreshTokens("bob");
    spotify.play("alice", A);

    pollEvery5sUntil(0, 60);

    assertThat(tokens.get("bob").orElseThrow().status()).isEqualTo(TokenStatus.RECONNECT_NEEDED);
    assertThat(spotify.requestsOf("bob")).extracting(Request::path).containsExactly(TOKEN);
    assertThat(secondsOfCalls("alice")).hasSize(13);

    connect("bob");
    pollAt(65);
    assertThat(secondsOfCalls("bob")).containsExactly(65L);
  }

  @Test
  void expiredAccessTokenIsRefreshedWithoutDisturbingThePlay() {
    spotify.play("alice", A);
    pollEvery5sUntil(0, 60);
    spotify.expireAccessTokens("alice");
    pollEvery5sUntil(65, 180);
    spotify.play("alice", B);
    pollAt(185);

    assertThat(spotify.requests("alice", TOKEN)).hasSize(2);
    assertThat(events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.msPlayed()).isEqualTo(180_000);
              assertThat(event.eventType()).isEqualTo(EventTypes.PLAY);
            });
  }

  @Test
  void restartContinuesThePlayInProgressWithoutDuplicates() {
    spotify.play("alice", A);
    pollEvery5sUntil(0, 90);
    poller.close();

    poller = newPoller();
    pollEvery5sUntil(95, 180);
    spotify.play("alice", B);
    pollAt(185);

    assertThat(events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.msPlayed()).isEqualTo(180_000);
              assertThat(event.startedAt()).isEqualTo(T0);
            });
  }

  @Test
  void crashAfterAPlayEndedRepublishesNothing() {
    spotify.play("alice", A);
    pollEvery5sUntil(0, 180);
    spotify.play("alice", B);
    pollAt(185);
    // No close(): the process died after the poll at 185 s.

    poller = newPoller();
    pollEvery5sUntil(190, 200);
    spotify.stop("alice");
    pollAt(205);

    assertThat(events()).extracting(PlayEvent::trackId).containsExactly(A.id(), B.id());
    assertThat(events()).extracting(PlayEvent::eventId).doesNotHaveDuplicates();
  }

  @Test
  void moreThanFiveConnectedUsersAreStillAllPolled() {
    for (String user : List.of("bob", "carol", "dave", "erin", "frank")) {
      connect(user);
    }

    pollAt(0);

    assertThat(spotify.requests().stream().filter(r -> r.path().equals(CURRENTLY_PLAYING)))
        .hasSize(6);
  }

  @Test
  void unreadableAnswersBackOffAndTheNextReadableOneCarriesThePlayOn() {
    spotify.play("alice", A);
    pollAt(0);
    spotify.sendUnknownAction("alice", true);

    try (LogCapture callsLog = LogCapture.of(SpotifyCalls.class);
        LogCapture pollerLog = LogCapture.of(SpotifyPoller.class)) {
      for (long t = 1; t <= 20; t++) {
        pollAt(t);
      }
      spotify.sendUnknownAction("alice", false);
      for (long t = 21; t <= 30; t++) {
        pollAt(t);
      }

      // Waits with jitter 0.5 after failures 1, 2, 3: 3.75 s, 7.5 s, 15 s; readable again at 28 s.
      assertThat(secondsOfCalls("alice")).startsWith(0L, 1L, 5L, 13L, 28L, 29L, 30L);
      assertThat(calls.unreadableAnswers()).isEqualTo(3);
      assertThat(callsLog.lines(Level.WARN)).hasSize(1);
      assertThat(callsLog.lines(Level.INFO))
          .extracting(LogCapture.Line::message)
          .anyMatch(message -> message.contains("can be read again, after 3"));
      assertThat(pollerLog.lines(Level.WARN)).isEmpty();
    }
    pollEvery5sUntil(35, 180);
    spotify.play("alice", B);
    pollAt(185);

    assertThat(events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.trackId()).isEqualTo(A.id());
              assertThat(event.msPlayed()).isEqualTo(180_000);
              assertThat(event.startedAt()).isEqualTo(T0);
            });
  }

  @Test
  void oneUsersUnreadableAnswersLeaveTheOtherUsersPolled() {
    connect("bob");
    spotify.play("alice", A);
    spotify.play("bob", A);
    spotify.sendUnknownAction("alice", true);

    pollEvery5sUntil(0, 180);
    spotify.play("bob", B);
    pollAt(185);

    assertThat(secondsOfCalls("bob")).hasSize(38);
    assertThat(events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.userId()).isEqualTo("bob");
              assertThat(event.msPlayed()).isEqualTo(180_000);
            });
    assertThat(calls.unreadableAnswers()).isEqualTo(secondsOfCalls("alice").size());
    assertThat(nowPlaying()).allMatch(node -> node.get("user_id").asText().equals("bob"));
  }
}
