package io.listening.poller.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.listening.events.PlayEvent;
import io.listening.poller.files.AtomicFiles;
import io.listening.poller.files.AtomicFiles.Permissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The plays the poller published lately, per user, so the recently-played backfill can drop the
 * ones it would otherwise publish a second time. The poller appends; the backfill reads.
 *
 * <p>One JSON file per user, replaced atomically:
 *
 * <pre>
 * {"plays": [{"track_id": "4uLU6hMCjMI75M1A2tKUQC", "played_at": "2025-01-02T10:03:00Z",
 *   "duration_ms": 180000}]}
 * </pre>
 *
 * Spotify's recently-played endpoint returns at most the last 50 tracks, so plays older than {@link
 * #KEEP} or beyond the newest {@link #MAX_PLAYS} can never be matched again and are dropped.
 */
public final class PollerPlayLog {

  static final Duration KEEP = Duration.ofDays(30);
  static final int MAX_PLAYS = 2_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final UserFiles files;

  /** A play the poller published. */
  public record Play(String trackId, Instant playedAt, Long durationMs) {}

  public PollerPlayLog(UserFiles files) {
    this.files = files;
  }

  public List<Play> load(String userId) {
    Path path = files.pollerPlays(userId);
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
    List<Play> plays = new ArrayList<>();
    for (JsonNode node : root.path("plays")) {
      try {
        JsonNode duration = node.get("duration_ms");
        plays.add(
            new Play(
                node.path("track_id").asText(),
                Instant.parse(node.path("played_at").asText()),
                duration == null || duration.isNull() ? null : duration.asLong()));
      } catch (DateTimeParseException e) {
        throw new IllegalStateException(path + " holds a play with a broken played_at", e);
      }
    }
    return plays;
  }

  /** Adds the plays of {@code events}, dropping those too old to matter relative to {@code now}. */
  public void record(String userId, Collection<PlayEvent> events, Instant now) {
    if (events.isEmpty()) {
      return;
    }
    List<Play> plays = new ArrayList<>(load(userId));
    for (PlayEvent event : events) {
      plays.add(new Play(event.trackId(), event.playedAt(), event.durationMs()));
    }
    Instant oldest = now.minus(KEEP);
    List<Play> kept =
        plays.stream()
            .filter(play -> !play.playedAt().isBefore(oldest))
            .sorted(Comparator.comparing(Play::playedAt))
            .toList();
    if (kept.size() > MAX_PLAYS) {
      kept = kept.subList(kept.size() - MAX_PLAYS, kept.size());
    }
    ObjectNode root = JSON.createObjectNode();
    ArrayNode array = root.putArray("plays");
    for (Play play : kept) {
      ObjectNode node = array.addObject();
      node.put("track_id", play.trackId());
      node.put("played_at", play.playedAt().toString());
      node.put("duration_ms", play.durationMs());
    }
    try {
      AtomicFiles.write(
          files.pollerPlays(userId), JSON.writeValueAsBytes(root), Permissions.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not encode the poller plays of " + userId, e);
    }
  }
}
