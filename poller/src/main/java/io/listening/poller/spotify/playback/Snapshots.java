package io.listening.poller.spotify.playback;

import io.listening.poller.spotify.api.SpotifyTracks;
import se.michaelthelin.spotify.model_objects.IPlaylistItem;
import se.michaelthelin.spotify.model_objects.miscellaneous.CurrentlyPlaying;
import se.michaelthelin.spotify.model_objects.specification.Track;

/** Reads the library's currently-playing answer into what the tracker needs. */
final class Snapshots {

  private Snapshots() {}

  /**
   * @param playing {@code null} when Spotify answered 204 No Content
   */
  static PlaybackSnapshot from(CurrentlyPlaying playing) {
    if (playing == null) {
      return PlaybackSnapshot.nothing(null);
    }
    String type =
        playing.getCurrentlyPlayingType() == null
            ? null
            : playing.getCurrentlyPlayingType().getType();
    IPlaylistItem item = playing.getItem();
    if (!(item instanceof Track track)) {
      // Ads, podcast episodes and private sessions carry no track; they end the play in progress.
      return PlaybackSnapshot.nothing(type);
    }
    String artist = SpotifyTracks.mainArtist(track);
    String trackId = SpotifyTracks.trackId(track);
    TrackInfo info =
        new TrackInfo(
            trackId,
            track.getName(),
            artist,
            track.getAlbum() == null ? null : track.getAlbum().getName(),
            track.getDurationMs() == null ? 0 : track.getDurationMs());
    return PlaybackSnapshot.of(
        info,
        playing.getProgress_ms() == null ? 0 : playing.getProgress_ms(),
        Boolean.TRUE.equals(playing.getIs_playing()),
        playing.getContext() == null ? null : playing.getContext().getUri());
  }
}
