/**
 * Spotify sources: the currently-playing poller ({@code poller poll}, package {@code playback}),
 * the recently-played backfill ({@code poller recently-played}, package {@code backfill}) and the
 * encrypted token store with its command ({@code poller token}, package {@code auth}), all calling
 * Spotify through spotify-web-api-java (package {@code api}).
 *
 * <p>This package holds what they share: {@link io.listening.poller.spotify.PollerConfig} (the
 * {@code POLLER_*} configuration), the per-user state layout {@link
 * io.listening.poller.spotify.UserFiles} and the {@link io.listening.poller.spotify.PollerPlayLog}
 * through which the backfill avoids publishing plays the poller already published.
 */
package io.listening.poller.spotify;
