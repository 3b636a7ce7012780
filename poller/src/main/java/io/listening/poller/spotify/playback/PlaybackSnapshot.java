package io.listening.poller.spotify.playback;

/**
 * What one currently-playing poll saw: a track (playing or paused, at a position), or no track at
 * all (204 nothing playing, an ad, a podcast episode, a private session).
 *
 * @param track {@code null} when no track is playing
 * @param progressMs position in the track
 * @param playing {@code false} when paused
 * @param contextUri the playlist, album or artist being played, {@code null} when unknown
 * @param type Spotify's {@code currently_playing_type} ({@code track}, {@code episode}, {@code ad},
 *     {@code unknown}), {@code null} for 204
 */
record PlaybackSnapshot(
    TrackInfo track, long progressMs, boolean playing, String contextUri, String type) {

  static PlaybackSnapshot nothing(String type) {
    return new PlaybackSnapshot(null, 0, false, null, type);
  }

  static PlaybackSnapshot of(TrackInfo track, long progressMs, boolean playing, String contextUri) {
    return new PlaybackSnapshot(track, Math.max(0, progressMs), playing, contextUri, "track");
  }

  boolean hasTrack() {
    return track != null;
  }
}
