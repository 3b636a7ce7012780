package io.listening.webapp.connect;

/**
 * Spotify did not complete a step of the connection. The message is for the log and names the step
 * and Spotify's error code, never a token or a code.
 */
class SpotifyAuthorizationException extends RuntimeException {

  private final ConnectError error;

  SpotifyAuthorizationException(ConnectError error, String message) {
    super(message);
    this.error = error;
  }

  ConnectError error() {
    return error;
  }
}
