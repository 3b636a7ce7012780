package io.listening.poller.spotify.api;

/**
 * Spotify rejected a user's refresh token (they revoked access, or it expired: refresh tokens now
 * last six months). The user is marked {@code reconnect_needed} in the token store and must connect
 * Spotify again; calling again will not help.
 */
public final class ReconnectNeededException extends Exception {

  private final String userId;

  public ReconnectNeededException(String userId, String reason) {
    super("User " + userId + " must reconnect Spotify: " + reason);
    this.userId = userId;
  }

  public String userId() {
    return userId;
  }
}
