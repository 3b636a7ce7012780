/**
 * {@code poller poll}: polls currently-playing for every connected user and turns playback changes
 * into listening events. {@code SpotifyPoller} (one tick) → {@code Snapshots} (the library's answer
 * to a {@code PlaybackSnapshot}) → {@code PlaybackTracker} (pure state machine: plays, skips,
 * pauses, seeks, repeats) → Kafka ({@code spotify-*} topics and the compacted {@code
 * spotify-now-playing}), with the tracker state saved per user by {@code PlaybackStateStore} so a
 * restart neither repeats nor loses a play. {@code PollLoop} schedules ticks and stops cleanly on
 * SIGTERM.
 */
package io.listening.poller.spotify.playback;
