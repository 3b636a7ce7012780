package io.listening.poller.spotify.playback;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.listening.poller.files.AtomicFiles.Permissions;
import io.listening.poller.files.JsonFiles;
import io.listening.poller.files.MalformedJsonException;
import io.listening.poller.files.Required;
import io.listening.poller.spotify.UserFiles;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The tracker's state per user on disk, replaced atomically after every poll:
 *
 * <pre>
 * {"last_sample_at": "2025-01-02T10:03:05Z",
 *  "play": {"track_id": "…", "track_name": "…", "artist_name": "…", "album_name": "…",
 *           "duration_ms": 180000, "context_uri": "spotify:playlist:…",
 *           "started_at": "2025-01-02T10:00:00Z", "listened_ms": 185000, "progress_ms": 180000,
 *           "playing": true}}
 * </pre>
 *
 * {@code play} is {@code null} when nothing was playing at the last poll.
 */
final class PlaybackStateStore {

  private final UserFiles files;

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  private record Stored(Instant lastSampleAt, StoredPlay play) {

    static Stored of(PlaybackState state) {
      CurrentPlay play = state.play();
      return new Stored(
          state.lastSampleAt(),
          play == null
              ? null
              : new StoredPlay(
                  play.track().trackId(),
                  play.track().trackName(),
                  play.track().artistName(),
                  play.track().albumName(),
                  play.track().durationMs(),
                  play.contextUri(),
                  play.startedAt(),
                  play.listenedMs(),
                  play.progressMs(),
                  play.playing()));
    }

    PlaybackState state() {
      return new PlaybackState(lastSampleAt, play == null ? null : play.play());
    }
  }

  /** The play in progress, with its track's fields flattened as earlier versions wrote them. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  private record StoredPlay(
      @Required String trackId,
      String trackName,
      String artistName,
      String albumName,
      @Required long durationMs,
      String contextUri,
      @Required Instant startedAt,
      @Required long listenedMs,
      @Required long progressMs,
      @Required boolean playing) {

    CurrentPlay play() {
      return new CurrentPlay(
          new TrackInfo(trackId, trackName, artistName, albumName, durationMs),
          contextUri,
          startedAt,
          listenedMs,
          progressMs,
          playing);
    }
  }

  PlaybackStateStore(UserFiles files) {
    this.files = files;
  }

  /**
   * The user's state, or {@link PlaybackState#INITIAL} when the poller never saw them.
   *
   * @throws IllegalStateException naming the file when it is broken
   */
  PlaybackState load(String userId) {
    Path path = files.playback(userId);
    try {
      return JsonFiles.read(path, Stored.class).map(Stored::state).orElse(PlaybackState.INITIAL);
    } catch (MalformedJsonException e) {
      throw new IllegalStateException(
          "The playback state "
              + path
              + " is broken ("
              + e.getMessage()
              + "); delete it to track user "
              + userId
              + " afresh from the next poll",
          e);
    }
  }

  void save(String userId, PlaybackState state) {
    JsonFiles.write(files.playback(userId), Stored.of(state), Permissions.DEFAULT);
  }
}
