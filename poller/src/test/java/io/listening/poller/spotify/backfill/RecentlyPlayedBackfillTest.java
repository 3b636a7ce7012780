package io.listening.poller.spotify.backfill;

import static io.listening.poller.spotify.SpotifyStandInServer.RECENTLY_PLAYED;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
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
import io.listening.poller.spotify.auth.TokenStore;
import io.listening.poller.spotify.auth.UserTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backfill through the real library against the stand-in, publishing to a mock producer. */
class RecentlyPlayedBackfillTest {

  private static final Instant T0 = Instant.parse("2025-01-02T10:00:00Z");
  private static final String CONTEXT = "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M";
  private static final Track A =
      new Track(
          "4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", "Rick Astley", "Whenever", 180_000);
  private static final Track B =
      new Track("7GhIk7Il098yCjg4BQjzvb", "Take On Me", "a-ha", "Hunting High and Low", 200_000);
  private static final Track C =
      new Track("0VjIjW4GlUZAMYd2vXMi3b", "Blinding Lights", "The Weeknd", "After Hours", 150_000);

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private final List<MockProducer<String, String>> producers = new ArrayList<>();
  private final List<Duration> waits = new ArrayList<>();
  private SpotifyStandInServer spotify;
  private PollerConfig config;
  private TokenStore tokens;
  private SpotifyConnection connection;

  @BeforeEach
  void start() {
    spotify = SpotifyStandInServer.start(clock);
    config = TestConfigs.config(dir, spotify.url());
    tokens = TokenStore.open(config.tokenFile(), config.tokenKey());
    connection = SpotifyConnection.create(config);
    connect("alice");
  }

  @AfterEach
  void stop() {
    connection.close();
    spotify.close();
  }

  private void connect(String userId) {
    tokens.put(UserTokens.connected(userId, spotify.connect(userId), clock.instant()));
  }

  private RecentlyPlayedBackfill.Summary run() {
    MockProducer<String, String> producer =
        new MockProducer<>(true, new StringSerializer(), new StringSerializer());
    producers.add(producer);
    try (EventPublisher publisher = new EventPublisher(producer, clock)) {
      return new RecentlyPlayedBackfill(
              config,
              tokens,
              new SpotifyCalls(tokens, connection, clock),
              publisher,
              new Backoff(config.pollInterval(), config.backoffMax(), () -> 0.5),
              waits::add,
              clock)
          .run();
    }
  }

  private List<PlayEvent> events() {
    return producers.stream()
        .flatMap(p -> p.history().stream())
        .filter(r -> Topics.ALL.contains(r.topic()))
        .map(r -> PlayEventCodec.decode(r.value()))
        .toList();
  }

  /** {@code count} plays of A, B and C in turn, one every 4 minutes from {@code from}. */
  private void history(String userId, Instant from, int count) {
    Track[] tracks = {A, B, C};
    for (int i = 0; i < count; i++) {
      spotify.played(userId, tracks[i % 3], from.plusSeconds(240L * i).plusMillis(123), CONTEXT);
    }
  }

  private List<String> afterCursors() {
    return spotify.requests("alice", RECENTLY_PLAYED).stream().map(Request::query).toList();
  }

  @Test
  void firstRunPublishesTheRecentPlaysOldestFirstAndSavesTheCursor() {
    history("alice", T0, 3);
    clock.advance(Duration.ofMinutes(15));

    RecentlyPlayedBackfill.Summary summary = run();

    assertThat(events()).extracting(PlayEvent::trackId).containsExactly(A.id(), B.id(), C.id());
    PlayEvent first = events().get(0);
    assertThat(first.source()).isEqualTo(Sources.SPOTIFY_RECENTLY_PLAYED);
    assertThat(first.playedAt()).isEqualTo(T0); // the library keeps whole seconds
    assertThat(first.msPlayed()).isEqualTo(A.durationMs());
    assertThat(first.contextUri()).isEqualTo(CONTEXT);
    assertThat(summary.published()).isEqualTo(3);
    long newest = T0.plusSeconds(480).plusMillis(123).toEpochMilli();
    assertThat(new CursorStore(new UserFiles(config.stateDir())).load("alice")).hasValue(newest);
    assertThat(afterCursors()).containsExactly("limit=50", "limit=50&after=" + newest);
  }

  @Test
  void laterRunsPageWithTheCursorAndGetOnlyWhatWasPlayedSince() {
    history("alice", T0, 3);
    run();
    history("alice", T0.plus(Duration.ofHours(1)), 120); // until 9 h
    clock.set(T0.plus(Duration.ofHours(10)));

    RecentlyPlayedBackfill.Summary second = run();
    RecentlyPlayedBackfill.Summary third = run();

    assertThat(second.published()).isEqualTo(120);
    assertThat(second.pages()).isEqualTo(3);
    assertThat(third.published()).isZero();
    assertThat(events()).hasSize(123);
    assertThat(events()).extracting(PlayEvent::eventId).doesNotHaveDuplicates();
    assertThat(events()).extracting(PlayEvent::playedAt).isSorted();
    // Every request after the first carries the previous page's cursors.after, in Unix ms.
    assertThat(afterCursors().subList(1, afterCursors().size()))
        .allSatisfy(query -> assertThat(query).matches("limit=50&after=\\d{13}"));
    assertThat(afterCursors()).hasSize(2 + 4 + 1);
  }

  @Test
  void playsThePollerAlreadyPublishedAreNotPublishedAgain() {
    PollerPlayLog pollerPlays = new PollerPlayLog(new UserFiles(config.stateDir()));
    pollerPlays.record(
        "alice",
        List.of(
            pollerPlay(A, T0.plusSeconds(178)), // Spotify says 180.1 s: the same play
            pollerPlay(B, T0.plusSeconds(100))), // Spotify says 420 s: too far for one play
        T0);
    history("alice", T0.plusSeconds(180), 3); // A at 180 s, B at 420 s, C at 660 s

    RecentlyPlayedBackfill.Summary summary = run();

    assertThat(events()).extracting(PlayEvent::trackId).containsExactly(B.id(), C.id());
    assertThat(summary.seenByPoller()).isEqualTo(1);
  }

  @Test
  void trackPlayedTwiceIsDroppedOnlyForThePlayThePollerSaw() {
    new PollerPlayLog(new UserFiles(config.stateDir()))
        .record("alice", List.of(pollerPlay(A, T0.plusSeconds(181))), T0);
    spotify.played("alice", A, T0.plusSeconds(180), CONTEXT);
    spotify.played("alice", A, T0.plusSeconds(360), CONTEXT);

    run();

    assertThat(events())
        .singleElement()
        .satisfies(event -> assertThat(event.playedAt()).isEqualTo(T0.plusSeconds(360)));
  }

  @Test
  void rateLimitedPageIsFetchedAgainAfterRetryAfter() {
    history("alice", T0, 3);
    run();
    history("alice", T0.plus(Duration.ofHours(1)), 2);
    clock.set(T0.plus(Duration.ofHours(2)));
    spotify.failNext("alice", RECENTLY_PLAYED, Scripted.rateLimited(3));

    RecentlyPlayedBackfill.Summary summary = run();

    assertThat(summary.published()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofMillis(3_500));
  }

  @Test
  void userFailingEveryAttemptIsGivenUpAndTheOthersContinue() {
    connect("bob");
    history("alice", T0, 3);
    history("bob", T0, 2);
    for (int i = 0; i < RecentlyPlayedBackfill.MAX_ATTEMPTS; i++) {
      spotify.failNext("alice", RECENTLY_PLAYED, Scripted.serverError(500));
    }

    RecentlyPlayedBackfill.Summary summary = run();

    assertThat(summary.failedUsers()).isEqualTo(1);
    assertThat(events()).extracting(PlayEvent::userId).containsOnly("bob").hasSize(2);
    assertThat(waits).hasSize(RecentlyPlayedBackfill.MAX_ATTEMPTS - 1);
    assertThat(new CursorStore(new UserFiles(config.stateDir())).load("alice")).isEmpty();

    RecentlyPlayedBackfill.Summary retry = run();
    assertThat(retry.failedUsers()).isZero();
    assertThat(events()).filteredOn(e -> e.userId().equals("alice")).hasSize(3);
  }

  /** A page whose track length is text: spotify-web-api-java throws NumberFormatException. */
  private static final String UNREADABLE_PAGE =
      """
      {"items": [{"track": {"id": "4uLU6hMCjMI75M1A2tKUQC", "name": "Never Gonna Give You Up",
                            "duration_ms": "three minutes", "type": "track"},
                  "played_at": "2025-01-02T10:03:00.123Z"}],
       "cursors": {"after": "1735812180123", "before": "1735812180123"}, "limit": 50, "next": null}
      """;

  @Test
  void userWhoseAnswersCannotBeReadIsRetriedThenGivenUpAndTheOthersContinue() {
    connect("bob");
    history("alice", T0, 3);
    history("bob", T0, 2);
    for (int i = 0; i < RecentlyPlayedBackfill.MAX_ATTEMPTS; i++) {
      spotify.failNext("alice", RECENTLY_PLAYED, Scripted.answer(200, UNREADABLE_PAGE));
    }

    RecentlyPlayedBackfill.Summary summary;
    try (LogCapture callsLog = LogCapture.of(SpotifyCalls.class);
        LogCapture backfillLog = LogCapture.of(RecentlyPlayedBackfill.class)) {
      summary = run();

      assertThat(callsLog.lines(Level.WARN))
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line.message())
                      .contains("recently-played for user alice could not be read")
                      .contains("NumberFormatException"));
      assertThat(backfillLog.lines(Level.WARN))
          .extracting(LogCapture.Line::message)
          .singleElement()
          .satisfies(message -> assertThat(message).startsWith("Gave up on user alice"));
    }

    assertThat(summary.failedUsers()).isEqualTo(1);
    assertThat(waits).hasSize(RecentlyPlayedBackfill.MAX_ATTEMPTS - 1);
    assertThat(events()).extracting(PlayEvent::userId).containsOnly("bob").hasSize(2);
    assertThat(new CursorStore(new UserFiles(config.stateDir())).load("alice")).isEmpty();
  }

  @Test
  void userWhoMustReconnectIsSkippedWithoutCallingSpotify() {
    tokens.update("alice", tokens -> tokens.reconnectNeeded(T0));

    RecentlyPlayedBackfill.Summary summary = run();

    assertThat(summary.reconnectNeeded()).isEqualTo(1);
    assertThat(spotify.requests()).isEmpty();
  }

  private static PlayEvent pollerPlay(Track track, Instant playedAt) {
    return new PlayEvent(
        "id",
        "play",
        "alice",
        track.id(),
        track.name(),
        track.artist(),
        track.album(),
        track.durationMs(),
        track.durationMs(),
        playedAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Sources.SPOTIFY_POLL,
        null);
  }
}
