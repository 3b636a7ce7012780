package io.listening.poller.spotify.playback;

/**
 * The track a poll saw.
 *
 * @param trackId Spotify id, or an id derived from artist and name for local files
 * @param durationMs track length; 0 when Spotify did not say
 * @param albumName {@code null} when unknown
 */
record TrackInfo(
    String trackId, String trackName, String artistName, String albumName, long durationMs) {}
