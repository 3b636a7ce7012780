package io.listening.poller.spotify.backfill;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.listening.poller.files.AtomicFiles.Permissions;
import io.listening.poller.files.JsonFiles;
import io.listening.poller.files.MalformedJsonException;
import io.listening.poller.files.Required;
import io.listening.poller.spotify.UserFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * How far the recently-played backfill got per user: Spotify's {@code after} cursor (Unix ms of the
 * newest play already published), replaced atomically after each page whose events Kafka
 * acknowledged:
 *
 * <pre>
 * {"after": 1735812180000, "updated_at": "2025-01-02T10:05:00Z"}
 * </pre>
 */
final class CursorStore {

  private final UserFiles files;

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  private record Stored(@Required long after, Instant updatedAt) {}

  CursorStore(UserFiles files) {
    this.files = files;
  }

  /**
   * The saved cursor, or empty when the backfill never ran for the user.
   *
   * @throws IllegalStateException naming the file when it is broken
   */
  OptionalLong load(String userId) {
    Path path = files.recentlyPlayedCursor(userId);
    try {
      return JsonFiles.read(path, Stored.class)
          .map(stored -> OptionalLong.of(stored.after()))
          .orElse(OptionalLong.empty());
    } catch (MalformedJsonException e) {
      throw new IllegalStateException(
          "The backfill cursor "
              + path
              + " is broken ("
              + e.getMessage()
              + "); delete it and the next run fetches Spotify's last 50 plays again, which keep"
              + " their event ids, so silver adds no duplicates",
          e);
    }
  }

  void save(String userId, long after, Instant now) {
    JsonFiles.write(
        files.recentlyPlayedCursor(userId), new Stored(after, now), Permissions.DEFAULT);
  }
}
