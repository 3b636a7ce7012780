/**
 * Calling Spotify's Web API with spotify-web-api-java: {@link
 * io.listening.poller.spotify.api.SpotifyConnection} (configured URLs and timeouts, token calls
 * redirected by a rewriting HTTP manager), {@link io.listening.poller.spotify.api.SpotifyCalls} (a
 * user's access token, refresh on 401, {@code reconnect_needed} when the refresh token is rejected,
 * typed failures) and {@link io.listening.poller.spotify.api.Backoff}.
 */
package io.listening.poller.spotify.api;
