package io.listening.poller.spotify.api;

import com.google.gson.JsonParseException;
import io.listening.poller.spotify.auth.TokenStore;
import io.listening.poller.spotify.auth.UserTokens;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
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
 * </ul>
 *
 * Tokens never appear in log lines or exception messages.
 */
public final class SpotifyCalls {

  private static final Logger LOG = LoggerFactory.getLogger(SpotifyCalls.class);

  /** Refresh an access token this long before Spotify says it expires. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

  private final TokenStore tokens;
  private final SpotifyConnection connection;
  private final Clock clock;

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
      return call.execute(connection.api(user.accessToken()));
    } catch (UnauthorizedException e) {
      LOG.debug(
          "Spotify answered 401 to {} for user {}; refreshing the access token.", what, userId);
    } catch (SpotifyWebApiException
        | IOException
        | ParseException
        | JsonParseException
        | IllegalStateException e) {
      throw classify(what, userId, e);
    }
    user = refresh(user);
    try {
      return call.execute(connection.api(user.accessToken()));
    } catch (UnauthorizedException e) {
      throw SpotifyCallException.failed(
          "Spotify still answered 401 to "
              + what
              + " for user "
              + userId
              + " after a token refresh: "
              + e.getMessage(),
          e);
    } catch (SpotifyWebApiException
        | IOException
        | ParseException
        | JsonParseException
        | IllegalStateException e) {
      throw classify(what, userId, e);
    }
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
    } catch (SpotifyWebApiException
        | IOException
        | ParseException
        | JsonParseException
        | IllegalStateException e) {
      throw classify("the token refresh", userId, e);
    }
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
    } else if (e instanceof SpotifyWebApiException) {
      kind = "an error";
    } else {
      kind = "an unreadable response";
    }
    return SpotifyCallException.failed(
        what + " for user " + userId + " failed with " + kind + " (" + describe(e) + ")", e);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
