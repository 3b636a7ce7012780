package io.listening.poller.spotify.playback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.listening.poller.files.AtomicFiles;
import io.listening.poller.files.AtomicFiles.Permissions;
import io.listening.poller.spotify.UserFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

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

  private static final ObjectMapper JSON = new ObjectMapper();

  private final UserFiles files;

  PlaybackStateStore(UserFiles files) {
    this.files = files;
  }

  PlaybackState load(String userId) {
    Path path = files.playback(userId);
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      return PlaybackState.INITIAL;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the playback state " + path, e);
    }
    try {
      JsonNode play = root.get("play");
      return new PlaybackState(
          instant(root, "last_sample_at"),
          play == null || play.isNull()
              ? null
              : new CurrentPlay(
                  new TrackInfo(
                      text(play, "track_id"),
                      text(play, "track_name"),
                      text(play, "artist_name"),
                      text(play, "album_name"),
                      play.path("duration_ms").asLong()),
                  text(play, "context_uri"),
                  instant(play, "started_at"),
                  play.path("listened_ms").asLong(),
                  play.path("progress_ms").asLong(),
                  play.path("playing").asBoolean()));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(path + " holds a broken instant: " + e.getParsedString(), e);
    }
  }

  void save(String userId, PlaybackState state) {
    ObjectNode root = JSON.createObjectNode();
    root.put("last_sample_at", text(state.lastSampleAt()));
    CurrentPlay play = state.play();
    if (play == null) {
      root.putNull("play");
    } else {
      ObjectNode node = root.putObject("play");
      node.put("track_id", play.track().trackId());
      node.put("track_name", play.track().trackName());
      node.put("artist_name", play.track().artistName());
      node.put("album_name", play.track().albumName());
      node.put("duration_ms", play.track().durationMs());
      node.put("context_uri", play.contextUri());
      node.put("started_at", text(play.startedAt()));
      node.put("listened_ms", play.listenedMs());
      node.put("progress_ms", play.progressMs());
      node.put("playing", play.playing());
    }
    try {
      AtomicFiles.write(files.playback(userId), JSON.writeValueAsBytes(root), Permissions.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not encode the playback state of " + userId, e);
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? null : Instant.parse(value);
  }
}
