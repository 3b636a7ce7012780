package io.listening.poller.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.listening.poller.files.AtomicFiles;
import io.listening.poller.files.AtomicFiles.Permissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far the import of each file of one person's export got: for every file (by content
 * fingerprint) the number of records, from the start of the file, that were handled and whose
 * events Kafka acknowledged. A file marked complete is skipped entirely on the next run; an
 * incomplete one resumes after its last acknowledged record.
 *
 * <p>Stored as JSON and replaced atomically on every save, so an interruption leaves the previous
 * state, never half a file:
 *
 * <pre>
 * {"user_id": "alice", "files": [{"name": "StreamingHistory0.json", "size": 840843,
 *   "sha256": "…", "records_done": 5707, "complete": true, "updated_at": "2025-01-02T10:00:00Z"}]}
 * </pre>
 */
final class Checkpoint {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final String userId;
  private final Clock clock;
  private final Map<Fingerprint, Entry> entries;

  /**
   * @param name the file's name when it was last imported
   * @param recordsDone records from the start of the file already handled
   * @param complete the whole file was handled
   * @param updatedAt when this entry was last saved
   */
  record Entry(String name, long recordsDone, boolean complete, Instant updatedAt) {}

  private Checkpoint(Path path, String userId, Clock clock, Map<Fingerprint, Entry> entries) {
    this.path = path;
    this.userId = userId;
    this.clock = clock;
    this.entries = entries;
  }

  /**
   * Reads the checkpoint at {@code path}, or starts an empty one when there is none.
   *
   * @throws IllegalArgumentException when the file is unreadable or belongs to another user
   */
  static Checkpoint load(Path path, String userId, Clock clock) {
    Map<Fingerprint, Entry> entries = new LinkedHashMap<>();
    if (!Files.exists(path)) {
      return new Checkpoint(path, userId, clock, entries);
    }
    JsonNode root;
    try {
      root = JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "checkpoint "
              + path
              + " is not readable ("
              + e.getMessage()
              + "); delete it to import"
              + " from the start, event ids keep a re-import from adding duplicates",
          e);
    }
    String owner = root.path("user_id").asText(null);
    if (!userId.equals(owner)) {
      throw new IllegalArgumentException(
          "checkpoint "
              + path
              + " belongs to user '"
              + owner
              + "', not '"
              + userId
              + "'; give each user their own --checkpoint");
    }
    for (JsonNode file : root.path("files")) {
      entries.put(
          new Fingerprint(file.path("size").asLong(), file.path("sha256").asText()),
          new Entry(
              file.path("name").asText(),
              file.path("records_done").asLong(),
              file.path("complete").asBoolean(),
              updatedAt(file.path("updated_at").asText(null))));
    }
    return new Checkpoint(path, userId, clock, entries);
  }

  private static Instant updatedAt(String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  Path path() {
    return path;
  }

  /** What an earlier run did with this content, or null if it never saw it. */
  Entry entry(Fingerprint fingerprint) {
    return entries.get(fingerprint);
  }

  /** Records progress and writes the checkpoint file. */
  void save(Fingerprint fingerprint, String name, long recordsDone, boolean complete) {
    entries.put(fingerprint, new Entry(name, recordsDone, complete, clock.instant()));
    ObjectNode root = JSON.createObjectNode();
    root.put("user_id", userId);
    ArrayNode files = root.putArray("files");
    entries.forEach(
        (key, entry) ->
            files
                .addObject()
                .put("name", entry.name())
                .put("size", key.size())
                .put("sha256", key.sha256())
                .put("records_done", entry.recordsDone())
                .put("complete", entry.complete())
                .put(
                    "updated_at", entry.updatedAt() == null ? null : entry.updatedAt().toString()));
    try {
      AtomicFiles.write(
          path, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), Permissions.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not encode checkpoint " + path, e);
    }
  }
}
