package io.listening.poller.exports;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.listening.poller.files.AtomicFiles.Permissions;
import io.listening.poller.files.JsonFiles;
import io.listening.poller.files.MalformedJsonException;
import io.listening.poller.files.Required;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** The file's content. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  private record Stored(@Required String userId, @Required List<StoredFile> files) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  private record StoredFile(
      @Required String name,
      @Required long size,
      @Required String sha256,
      @Required long recordsDone,
      @Required boolean complete,
      Instant updatedAt) {}

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
    Optional<Stored> stored;
    try {
      stored = JsonFiles.read(path, Stored.class);
    } catch (MalformedJsonException e) {
      throw new IllegalArgumentException(
          "checkpoint "
              + path
              + " is not readable ("
              + e.getMessage()
              + "); delete it to import"
              + " from the start, event ids keep a re-import from adding duplicates",
          e);
    }
    Map<Fingerprint, Entry> entries = new LinkedHashMap<>();
    if (stored.isEmpty()) {
      return new Checkpoint(path, userId, clock, entries);
    }
    String owner = stored.get().userId();
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
    for (StoredFile file : stored.get().files()) {
      entries.put(
          new Fingerprint(file.size(), file.sha256()),
          new Entry(file.name(), file.recordsDone(), file.complete(), file.updatedAt()));
    }
    return new Checkpoint(path, userId, clock, entries);
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
    List<StoredFile> files = new ArrayList<>();
    entries.forEach(
        (key, entry) ->
            files.add(
                new StoredFile(
                    entry.name(),
                    key.size(),
                    key.sha256(),
                    entry.recordsDone(),
                    entry.complete(),
                    entry.updatedAt())));
    JsonFiles.write(path, new Stored(userId, files), Permissions.DEFAULT);
  }
}
