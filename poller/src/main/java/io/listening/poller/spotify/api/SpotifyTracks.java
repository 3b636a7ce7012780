package io.listening.poller.spotify.api;

import io.listening.events.TrackIds;
import se.michaelthelin.spotify.model_objects.specification.ArtistSimplified;
import se.michaelthelin.spotify.model_objects.specification.Track;

/** How a Spotify Web API track maps onto the event contract's track fields. */
public final class SpotifyTracks {

  private SpotifyTracks() {}

  /** The first artist is the track's main one, as in Spotify's own exports. */
  public static String mainArtist(Track track) {
    ArtistSimplified[] artists = track.getArtists();
    return artists == null || artists.length == 0 ? null : artists[0].getName();
  }

  /** The Spotify id, or for local files (which have none) an id derived from artist and name. */
  public static String trackId(Track track) {
    String id = track.getId();
    return id != null && TrackIds.SPOTIFY_ID.matcher(id).matches()
        ? id
        : TrackIds.derive(mainArtist(track), track.getName());
  }
}
