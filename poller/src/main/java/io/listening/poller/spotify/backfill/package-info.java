/**
 * {@code poller recently-played}: pages through each connected user's recently-played history after
 * a saved cursor and publishes the plays the poller did not already publish.
 */
package io.listening.poller.spotify.backfill;
