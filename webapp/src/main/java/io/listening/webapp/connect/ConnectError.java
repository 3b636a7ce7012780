package io.listening.webapp.connect;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a connection failed, as the callback tells the Connections page: a fixed code in the page's
 * address, so the page never shows text an outsider put in a link.
 */
enum ConnectError {
  NOT_CONFIGURED(
      "not-configured",
      "Connecting Spotify is off: set POLLER_SPOTIFY_CLIENT_ID to your app's client id."),
  STORE_UNAVAILABLE(
      "store-unavailable",
      "The token store cannot be used (see the message above); nothing was changed."),
  DENIED("denied", "Spotify says the connection was not allowed; nothing was changed."),
  STATE_MISMATCH(
      "state-mismatch",
      "This answer from Spotify does not belong to a connection started here, was already used or"
          + " expired; nothing was changed. Press Connect Spotify to start again."),
  NO_CODE("no-code", "Spotify's answer carried no authorization code; nothing was changed."),
  TOKEN_EXCHANGE_FAILED(
      "token-exchange-failed",
      "Spotify did not exchange the authorization code for a token; nothing was changed. Try again."),
  PROFILE_FAILED(
      "profile-failed",
      "Spotify did not say which account was connected (/v1/me); nothing was changed. Try again."),
  STORE_FAILED(
      "store-failed", "The token could not be written to the token store; nothing was changed.");

  private final String code;
  private final String message;

  ConnectError(String code, String message) {
    this.code = code;
    this.message = message;
  }

  String code() {
    return code;
  }

  String message() {
    return message;
  }

  static Optional<ConnectError> ofCode(String code) {
    return Arrays.stream(values()).filter(error -> error.code.equals(code)).findFirst();
  }
}
