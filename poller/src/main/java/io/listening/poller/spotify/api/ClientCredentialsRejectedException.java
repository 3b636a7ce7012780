package io.listening.poller.spotify.api;

import io.listening.poller.spotify.PollerConfig;

/**
 * Spotify's token endpoint rejected the app's client id or secret. This concerns every user, so it
 * stops the command instead of marking users; fix {@value PollerConfig#CLIENT_ID_VARIABLE} or
 * {@value PollerConfig#CLIENT_SECRET_VARIABLE}.
 */
public final class ClientCredentialsRejectedException extends IllegalStateException {

  public ClientCredentialsRejectedException(String spotifyMessage) {
    super(
        "Spotify rejected the app's credentials ("
            + spotifyMessage
            + "); check "
            + PollerConfig.CLIENT_ID_VARIABLE
            + " and "
            + PollerConfig.CLIENT_SECRET_VARIABLE);
  }
}
