package io.listening.poller.spotify.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * One user's Spotify credentials as stored. {@link #toString()} never shows a token.
 *
 * @param userId the platform's id of the user (the {@code user_id} of their events)
 * @param refreshToken the long-lived token from Spotify's authorization-code flow
 * @param accessToken the current access token, {@code null} when none was obtained yet
 * @param accessTokenExpiresAt when {@code accessToken} stops working, {@code null} with it
 * @param status whether the refresh token is believed to work
 * @param updatedAt when this entry last changed
 */
public record UserTokens(
    String userId,
    String refreshToken,
    String accessToken,
    Instant accessTokenExpiresAt,
    TokenStatus status,
    Instant updatedAt) {

  public UserTokens {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("user id is required");
    }
    if (refreshToken == null || refreshToken.isBlank()) {
      throw new IllegalArgumentException("refresh token is required");
    }
    if (status == null) {
      throw new IllegalArgumentException("status is required");
    }
  }

  /** A freshly connected user: a refresh token and no access token yet. */
  public static UserTokens connected(String userId, String refreshToken, Instant now) {
    return new UserTokens(userId, refreshToken, null, null, TokenStatus.CONNECTED, now);
  }

  public boolean isConnected() {
    return status == TokenStatus.CONNECTED;
  }

  /** True when there is an access token that still works for at least {@code margin}. */
  public boolean hasAccessTokenValidFor(Duration margin, Instant now) {
    return accessToken != null
        && accessTokenExpiresAt != null
        && accessTokenExpiresAt.isAfter(now.plus(margin));
  }

  /** After a refresh; Spotify may or may not send a new refresh token. */
  public UserTokens withAccessToken(
      String newAccessToken, Instant expiresAt, String newRefreshToken, Instant now) {
    return new UserTokens(
        userId,
        newRefreshToken == null || newRefreshToken.isBlank() ? refreshToken : newRefreshToken,
        newAccessToken,
        expiresAt,
        TokenStatus.CONNECTED,
        now);
  }

  /** Spotify rejected the refresh token; the access token is dropped with it. */
  public UserTokens reconnectNeeded(Instant now) {
    return new UserTokens(userId, refreshToken, null, null, TokenStatus.RECONNECT_NEEDED, now);
  }

  @Override
  public String toString() {
    return "UserTokens[userId="
        + userId
        + ", status="
        + status.value()
        + ", accessTokenExpiresAt="
        + accessTokenExpiresAt
        + ", updatedAt="
        + updatedAt
        + "]";
  }
}
