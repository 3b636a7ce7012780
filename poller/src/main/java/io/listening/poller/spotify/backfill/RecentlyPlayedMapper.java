package io.listening.poller.spotify.backfill;

import io.listening.events.EventIds;
import io.listening.events.EventTypes;
import io.listening.events.PlayEvent;
import io.listening.events.Sources;
import io.listening.poller.spotify.api.SpotifyTracks;
import java.time.Instant;
import se.michaelthelin.spotify.model_objects.specification.PlayHistory;
import se.michaelthelin.spotify.model_objects.specification.Track;

/**
 * One recently-played item to one event.
 *
 * <p>Spotify's {@code played_at} is when the play ended, the contract's {@code played_at} too. The
 * endpoint does not say how long the track was listened to, so {@code ms_played} is the track's
 * {@code duration_ms}: an assumption (Spotify lists a track here only after it was played for a
 * while, but not necessarily to the end). Every item is a {@code play}; whether it counts is the
 * warehouse's decision. {@code started_at} is unknown and stays {@code null}; so do device,
 * platform, shuffle, reasons and the skip flag, which the endpoint does not report.
 * spotify-web-api-java parses {@code played_at} to whole seconds.
 */
final class RecentlyPlayedMapper {

  private final String userId;

  RecentlyPlayedMapper(String userId) {
    this.userId = userId;
  }

  /** The event, or {@code null} when the item carries no track or no time (never a guess). */
  PlayEvent toEvent(PlayHistory item) {
    if (item == null || item.getTrack() == null || item.getPlayedAt() == null) {
      return null;
    }
    Track track = item.getTrack();
    Instant playedAt = item.getPlayedAt().toInstant();
    String artist = SpotifyTracks.mainArtist(track);
    String trackId = SpotifyTracks.trackId(track);
    Long durationMs =
        track.getDurationMs() == null || track.getDurationMs() <= 0
            ? null
            : track.getDurationMs().longValue();
    long msPlayed = durationMs == null ? 0 : durationMs;
    return new PlayEvent(
        EventIds.of(Sources.SPOTIFY_RECENTLY_PLAYED, userId, trackId, playedAt),
        EventTypes.PLAY,
        userId,
        trackId,
        track.getName(),
        artist,
        track.getAlbum() == null ? null : track.getAlbum().getName(),
        durationMs,
        msPlayed,
        playedAt,
        null,
        null,
        null,
        item.getContext() == null ? null : item.getContext().getUri(),
        null,
        null,
        null,
        null,
        Sources.SPOTIFY_RECENTLY_PLAYED,
        null);
  }
}
