/**
 * Spotify credentials: the AES-GCM encrypted {@link io.listening.poller.spotify.auth.TokenStore}
 * (file format documented there; the web app's "connect Spotify" flow will write to it) and {@code
 * poller token}, which adds a user's refresh token from standard input.
 */
package io.listening.poller.spotify.auth;
