package io.listening.poller.spotify.api;

import io.listening.poller.spotify.auth.TokenStore;
import io.listening.poller.spotify.auth.UserTokens;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.http.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.exceptions.detailed.BadGatewayException;
import se.michaelthelin.spotify.exceptions.detailed.BadRequestException;
import se.michaelthelin.spotify.exceptions.detailed.InternalServerErrorException;
import se.michaelthelin.spotify.exceptions.detailed.ServiceUnavailableException;
import se.michaelthelin.spotify.exceptions.detailed.TooManyRequestsException;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;
import se.michaelthelin.spotify.model_objects.credentials.AuthorizationCodeCredentials;

/**
 * Makes Web API calls on a user's behalf with the tokens in the {@link TokenStore}.
 *
 * <ul>
 *   <li>No access token yet, or one about to expire: refresh first.
 *   <li>401: refresh the access token and retry once.
 *   <li>Refresh rejected with 400 (Spotify's {@code invalid_grant}: revoked, or older than six
 *       months): mark the user {@code reconnect_needed}, log one WARN, throw {@link
 *       ReconnectNeededException}. Later calls for that user throw at once without calling Spotify.
 *   <li>Token endpoint rejecting the app itself ({@code invalid_client}): {@link
 *       ClientCredentialsRejectedException}, which stops the command.
 *   <li>429, 5xx, timeouts and other failures: {@link SpotifyCallException}; the caller decides
 *       when to try again. The library does not retry (except one internal retry of a 503).
 *   <li>An answer the library cannot read (its parser throws, e.g. a {@code NullPointerException}
 *       on a disallowed action it does not know): {@link SpotifyCallException} of kind {@link
 *       SpotifyCallException.Kind#UNREADABLE_ANSWER}, counted in {@link #unreadableAnswers()}. The
 *       first one per user and endpoint is logged at WARN, the following ones only at DEBUG, until
 *       an answer of that endpoint can be read again, which is logged once at INFO.
 * </ul>
 *
 * Tokens never appear in log lines or exception messages. Thread-safe.
 */
public final class SpotifyCalls {

  private static final Logger LOG = LoggerFactory.getLogger(SpotifyCalls.class);

  /** Refresh an access token this long before Spotify says it expires. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

  private final TokenStore tokens;
  private final SpotifyConnection connection;
  private final Clock clock;

  /** Unreadable answers in a row, per user and endpoint that gave one since its last good one. */
  private final Map<Endpoint, Long> unreadableInARow = new ConcurrentHashMap<>();

  private final AtomicLong unreadableAnswers = new AtomicLong();

  private record Endpoint(String userId, String what) {}

  public SpotifyCalls(TokenStore tokens, SpotifyConnection connection, Clock clock) {
    this.tokens = tokens;
    this.connection = connection;
    this.clock = clock;
  }

  /**
   * Calls the Web API for {@code userId}.
   *
   * @param what a few words for messages, e.g. "currently-playing"
   */
  public <T> T call(String userId, String what, ApiCall<T> call)
      throws ReconnectNeededException, SpotifyCallException {
    UserTokens user =
        tokens
            .get(userId)
            .orElseThrow(
                () -> new ReconnectNeededException(userId, "no Spotify tokens are stored"));
    if (!user.isConnected()) {
      throw new ReconnectNeededException(userId, "the stored refresh token was rejected earlier");
    }
    if (!user.hasAccessTokenValidFor(EXPIRY_MARGIN, clock.instant())) {
      user = refresh(user);
    }
    try {
      return readable(userId, what, call.execute(connection.api(user.accessToken())));
    } catch (UnauthorizedException e) {
      LOG.debug(
          "Spotify answered 401 to {} for user {}; refreshing the access token.", what, userId);
    } catch (SpotifyWebApiException | IOException e) {
      throw classify(what, userId, e);
    } catch (ParseException | RuntimeException e) {
      throw unreadable(what, userId, e);
    }
    user = refresh(user);
    try {
      return readable(userId, what, call.execute(connection.api(user.accessToken())));
    } catch (UnauthorizedException e) {
      throw SpotifyCallException.failed(
          "Spotify still answered 401 to "
              + what
              + " for user "
              + userId
              + " after a token refresh: "
              + e.getMessage(),
          e);
    } catch (SpotifyWebApiException | IOException e) {
      throw classify(what, userId, e);
    } catch (ParseException | RuntimeException e) {
      throw unreadable(what, userId, e);
    }
  }

  /** Answers Spotify sent that the library could not read, since this instance was created. */
  public long unreadableAnswers() {
    return unreadableAnswers.get();
  }

  private UserTokens refresh(UserTokens user)
      throws ReconnectNeededException, SpotifyCallException {
    String userId = user.userId();
    AuthorizationCodeCredentials credentials;
    try {
      credentials = connection.refresh(user.refreshToken());
    } catch (BadRequestException e) {
      if (mentionsClient(e.getMessage())) {
        throw new ClientCredentialsRejectedException(e.getMessage());
      }
      Instant now = clock.instant();
      tokens.update(userId, current -> current.reconnectNeeded(now));
      LOG.warn(
          "Spotify rejected the refresh token of user {} ({}); marked reconnect_needed and stopped"
              + " calling Spotify for them until they connect again.",
          userId,
          e.getMessage());
      throw new ReconnectNeededException(userId, "Spotify rejected the refresh token");
    } catch (UnauthorizedException e) {
      throw new ClientCredentialsRejectedException(e.getMessage());
    } catch (SpotifyWebApiException | IOException e) {
      throw classify("the token refresh", userId, e);
    } catch (ParseException | RuntimeException e) {
      throw unreadable("the token refresh", userId, e);
    }
    readable(userId, "the token refresh", credentials);
    if (credentials == null || credentials.getAccessToken() == null) {
      throw SpotifyCallException.failed(
          "Spotify's token endpoint answered without an access token for user " + userId, null);
    }
    Instant now = clock.instant();
    int expiresIn = credentials.getExpiresIn() == null ? 3600 : credentials.getExpiresIn();
    UserTokens refreshed =
        tokens.update(
            userId,
            current ->
                current.withAccessToken(
                    credentials.getAccessToken(),
                    now.plusSeconds(expiresIn),
                    credentials.getRefreshToken(),
                    now));
    LOG.info(
        "Refreshed the Spotify access token of user {}; it is valid for {} s.", userId, expiresIn);
    return refreshed;
  }

  /**
   * The library reports the token endpoint's {@code error_description}, not its {@code error} code:
   * "Invalid client" and "Invalid client secret" mean the app's credentials are wrong, while
   * "Invalid refresh token" and "Refresh token revoked" concern one user.
   */
  private static boolean mentionsClient(String message) {
    return message != null && message.toLowerCase(Locale.ROOT).contains("client");
  }

  private static SpotifyCallException classify(String what, String userId, Exception e) {
    if (e instanceof TooManyRequestsException tooMany) {
      return SpotifyCallException.rateLimited(
          "Spotify rate-limited " + what + " for user " + userId,
          Duration.ofSeconds(Math.max(0, tooMany.getRetryAfter())),
          e);
    }
    String kind;
    if (e instanceof InternalServerErrorException
        || e instanceof BadGatewayException
        || e instanceof ServiceUnavailableException) {
      kind = "a server error";
    } else if (e instanceof IOException) {
      kind = "a network error or timeout";
    } else {
      kind = "an error";
    }
    return SpotifyCallException.failed(
        what + " for user " + userId + " failed with " + kind + " (" + describe(e) + ")", e);
  }

  /**
   * Whatever the library throws while it reads an answer becomes a failed call of that user, so one
   * answer it cannot parse never stops a daemon or the other users' calls.
   */
  private SpotifyCallException unreadable(String what, String userId, Exception e) {
    unreadableAnswers.incrementAndGet();
    long inARow = unreadableInARow.merge(new Endpoint(userId, what), 1L, Long::sum);
    if (inARow == 1) {
      LOG.warn(
          "Spotify's answer to {} for user {} could not be read ({}); it counts as a failed call"
              + " and is retried with backoff. Further ones are logged at DEBUG only, until an"
              + " answer can be read again.",
          what,
          userId,
          describe(e));
    }
    LOG.debug("Unreadable answer to {} for user {}, number {} in a row.", what, userId, inARow, e);
    return SpotifyCallException.unreadableAnswer(
        what + " for user " + userId + " failed with an unreadable answer (" + describe(e) + ")",
        e);
  }

  private <T> T readable(String userId, String what, T answer) {
    Long inARow = unreadableInARow.remove(new Endpoint(userId, what));
    if (inARow != null) {
      LOG.info(
          "Spotify's answers to {} for user {} can be read again, after {} that could not.",
          what,
          userId,
          inARow);
    }
    return answer;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
