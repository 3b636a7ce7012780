package io.listening.poller.spotify.api;

import static io.listening.poller.spotify.SpotifyStandInServer.CURRENTLY_PLAYING;
import static io.listening.poller.spotify.SpotifyStandInServer.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.listening.poller.spotify.LogCapture;
import io.listening.poller.spotify.MutableClock;
import io.listening.poller.spotify.PollerConfig;
import io.listening.poller.spotify.SpotifyStandInServer;
import io.listening.poller.spotify.SpotifyStandInServer.Request;
import io.listening.poller.spotify.SpotifyStandInServer.Scripted;
import io.listening.poller.spotify.SpotifyStandInServer.Track;
import io.listening.poller.spotify.TestConfigs;
import io.listening.poller.spotify.auth.TokenStatus;
import io.listening.poller.spotify.auth.TokenStore;
import io.listening.poller.spotify.auth.UserTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.michaelthelin.spotify.model_objects.miscellaneous.CurrentlyPlaying;

/** {@link SpotifyCalls} through the real library, over HTTP, against the stand-in. */
class SpotifyCallsTest {

  private static final Instant T0 = Instant.parse("2025-01-02T10:00:00Z");
  private static final Track A =
      new Track(
          "4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", "Rick Astley", "Whenever", 213_000);

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private SpotifyStandInServer spotify;
  private TokenStore tokens;
  private SpotifyConnection connection;
  private SpotifyCalls calls;
  private String refreshToken;

  @BeforeEach
  void start() {
    spotify = SpotifyStandInServer.start(clock);
    use(TestConfigs.config(dir, spotify.url()));
    refreshToken = spotify.connect("alice");
    tokens.put(UserTokens.connected("alice", refreshToken, T0));
  }

  private void use(PollerConfig config) {
    if (connection != null) {
      connection.close();
    }
    tokens = TokenStore.open(config.tokenFile(), config.tokenKey());
    connection = SpotifyConnection.create(config);
    calls = new SpotifyCalls(tokens, connection, clock);
  }

  @AfterEach
  void stop() {
    connection.close();
    spotify.close();
  }

  private CurrentlyPlaying currentlyPlaying() throws Exception {
    return calls.call(
        "alice", "currently-playing", api -> api.getUsersCurrentlyPlayingTrack().build().execute());
  }

  private List<String> trail() {
    return spotify.requestsOf("alice").stream().map(r -> r.path() + " " + r.status()).toList();
  }

  @Test
  void firstCallRefreshesAndStoresTheAccessToken() throws Exception {
    spotify.play("alice", A);

    CurrentlyPlaying playing = currentlyPlaying();

    assertThat(playing.getItem().getId()).isEqualTo(A.id());
    assertThat(playing.getIs_playing()).isTrue();
    assertThat(trail()).containsExactly(TOKEN + " 200", CURRENTLY_PLAYING + " 200");
    UserTokens stored = tokens.get("alice").orElseThrow();
    assertThat(stored.accessToken()).isNotNull();
    assertThat(stored.accessTokenExpiresAt())
        .isEqualTo(T0.plus(SpotifyStandInServer.TOKEN_LIFETIME));
  }

  @Test
  void nothingPlayingIsNullNotAnError() throws Exception {
    assertThat(currentlyPlaying()).isNull();
    assertThat(trail()).containsExactly(TOKEN + " 200", CURRENTLY_PLAYING + " 204");
  }

  @Test
  void expiredAccessTokenIsRefreshedAndTheCallRetriedOnce() throws Exception {
    spotify.play("alice", A);
    currentlyPlaying();
    spotify.expireAccessTokens("alice");

    assertThat(currentlyPlaying()).isNotNull();

    assertThat(trail())
        .containsExactly(
            TOKEN + " 200",
            CURRENTLY_PLAYING + " 200",
            CURRENTLY_PLAYING + " 401",
            TOKEN + " 200",
            CURRENTLY_PLAYING + " 200");
  }

  @Test
  void accessTokenAboutToExpireIsRefreshedBeforeTheCall() throws Exception {
    currentlyPlaying();
    clock.advance(SpotifyStandInServer.TOKEN_LIFETIME.minusSeconds(30));

    currentlyPlaying();

    assertThat(trail())
        .containsExactly(
            TOKEN + " 200", CURRENTLY_PLAYING + " 204", TOKEN + " 200", CURRENTLY_PLAYING + " 204");
  }

  @Test
  void rejectedRefreshTokenMarksReconnectNeededAndLaterCallsStayLocal() {
    spotify.revokeRefreshTokens("alice");

    assertThatThrownBy(this::currentlyPlaying)
        .isInstanceOf(ReconnectNeededException.class)
        .hasMessageNotContaining(refreshToken);
    assertThat(tokens.get("alice").orElseThrow().status()).isEqualTo(TokenStatus.RECONNECT_NEEDED);

    assertThatThrownBy(this::currentlyPlaying).isInstanceOf(ReconnectNeededException.class);
    assertThat(trail()).containsExactly(TOKEN + " 400");
  }

  @Test
  void rejectedAppCredentialsStopTheCommandAndLeaveUsersConnected() {
    use(
        TestConfigs.config(
            dir, spotify.url(), Map.of("POLLER_SPOTIFY_CLIENT_SECRET", "wrong-secret")));

    assertThatThrownBy(this::currentlyPlaying)
        .isInstanceOf(ClientCredentialsRejectedException.class)
        .hasMessageContaining("POLLER_SPOTIFY_CLIENT_SECRET")
        .hasMessageNotContaining("wrong-secret");
    assertThat(tokens.get("alice").orElseThrow().status()).isEqualTo(TokenStatus.CONNECTED);
  }

  @Test
  void rateLimitCarriesSpotifysRetryAfter() throws Exception {
    currentlyPlaying();
    spotify.failNext("alice", CURRENTLY_PLAYING, Scripted.rateLimited(7));

    assertThatThrownBy(this::currentlyPlaying)
        .isInstanceOfSatisfying(
            SpotifyCallException.class,
            e -> {
              assertThat(e.isRateLimited()).isTrue();
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
            });
  }

  @Test
  void serverErrorsAreFailuresToRetryLater() throws Exception {
    currentlyPlaying();
    spotify.failNext(
        "alice", CURRENTLY_PLAYING, Scripted.serverError(500), Scripted.serverError(502));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(this::currentlyPlaying)
          .isInstanceOfSatisfying(
              SpotifyCallException.class,
              e -> {
                assertThat(e.isRateLimited()).isFalse();
                assertThat(e).hasMessageContaining("server error");
              });
    }
    assertThat(currentlyPlaying()).isNull();
  }

  @Test
  void libraryRetries503OnceByItself() throws Exception {
    currentlyPlaying();
    spotify.failNext("alice", CURRENTLY_PLAYING, Scripted.serverError(503));

    assertThat(currentlyPlaying()).isNull();
    assertThat(spotify.requests("alice", CURRENTLY_PLAYING))
        .extracting(Request::status)
        .containsExactly(204, 503, 204);
  }

  @Test
  void slowAnswerIsATimeoutToRetryLater() throws Exception {
    use(TestConfigs.config(dir, spotify.url(), Map.of("POLLER_HTTP_TIMEOUT_MS", "300")));
    currentlyPlaying();
    spotify.failNext("alice", CURRENTLY_PLAYING, Scripted.slow(Duration.ofMillis(1_500)));

    assertThatThrownBy(this::currentlyPlaying)
        .isInstanceOfSatisfying(
            SpotifyCallException.class,
            e -> assertThat(e).hasMessageContaining("network error or timeout"));
  }

  @Test
  void newRefreshTokenFromSpotifyIsKept() throws Exception {
    spotify.rotateRefreshTokens(true);

    currentlyPlaying();

    assertThat(tokens.get("alice").orElseThrow().refreshToken()).isNotEqualTo(refreshToken);
  }

  @Test
  void unknownUserMustConnectFirst() {
    assertThatThrownBy(
            () ->
                calls.call(
                    "nobody",
                    "currently-playing",
                    api -> api.getUsersCurrentlyPlayingTrack().build().execute()))
        .isInstanceOf(ReconnectNeededException.class);
    assertThat(spotify.requests()).isEmpty();
  }

  @Test
  void anAnswerTheLibraryCannotReadIsAFailedCallOfItsOwnKind() throws Exception {
    spotify.play("alice", A);
    spotify.sendUnknownAction("alice", true);

    assertThatThrownBy(this::currentlyPlaying)
        .isInstanceOfSatisfying(
            SpotifyCallException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SpotifyCallException.Kind.UNREADABLE_ANSWER);
              assertThat(e.isRateLimited()).isFalse();
              assertThat(e)
                  .hasMessageStartingWith(
                      "currently-playing for user alice failed with an unreadable answer")
                  .hasRootCauseInstanceOf(NullPointerException.class);
            });
    assertThat(calls.unreadableAnswers()).isEqualTo(1);

    spotify.sendUnknownAction("alice", false);
    assertThat(currentlyPlaying().getItem().getId()).isEqualTo(A.id());
    assertThat(calls.unreadableAnswers()).isEqualTo(1);
  }

  @Test
  void unreadableAnswersAreWarnedAboutOncePerUserAndEndpointUntilOneCanBeReadAgain()
      throws Exception {
    tokens.put(UserTokens.connected("bob", spotify.connect("bob"), T0));
    spotify.play("alice", A);
    spotify.play("bob", A);
    spotify.sendUnknownAction("alice", true);
    spotify.sendUnknownAction("bob", true);

    try (LogCapture log = LogCapture.of(SpotifyCalls.class)) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(this::currentlyPlaying).isInstanceOf(SpotifyCallException.class);
      }
      assertThatThrownBy(
              () ->
                  calls.call(
                      "bob",
                      "currently-playing",
                      api -> api.getUsersCurrentlyPlayingTrack().build().execute()))
          .isInstanceOf(SpotifyCallException.class);
      spotify.sendUnknownAction("alice", false);
      currentlyPlaying();
      currentlyPlaying();
      spotify.sendUnknownAction("alice", true);
      assertThatThrownBy(this::currentlyPlaying).isInstanceOf(SpotifyCallException.class);

      assertThat(log.lines(Level.WARN))
          .extracting(LogCapture.Line::message)
          .satisfiesExactly(
              alice ->
                  assertThat(alice)
                      .startsWith(
                          "Spotify's answer to currently-playing for user alice could not be read"
                              + " (NullPointerException: ")
                      .contains("it counts as a failed call and is retried with backoff"),
              bob -> assertThat(bob).contains("currently-playing for user bob"),
              aliceAgain -> assertThat(aliceAgain).contains("for user alice could not be read"));
      assertThat(log.lines(Level.WARN)).noneMatch(LogCapture.Line::hasStackTrace);
      assertThat(log.lines(Level.INFO))
          .extracting(LogCapture.Line::message)
          .filteredOn(message -> message.contains("can be read again"))
          .containsExactly(
              "Spotify's answers to currently-playing for user alice can be read again, after 3"
                  + " that could not.");
      assertThat(log.lines(Level.DEBUG))
          .filteredOn(line -> line.message().startsWith("Unreadable answer"))
          .hasSize(5)
          .allMatch(LogCapture.Line::hasStackTrace);
    }
    assertThat(calls.unreadableAnswers()).isEqualTo(5);
  }
}
