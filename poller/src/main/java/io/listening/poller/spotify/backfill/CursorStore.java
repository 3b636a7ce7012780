package io.listening.poller.spotify.backfill;

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

  private static final ObjectMapper JSON = new ObjectMapper();

  private final UserFiles files;

  CursorStore(UserFiles files) {
    this.files = files;
  }

  OptionalLong load(String userId) {
    Path path = files.recentlyPlayedCursor(userId);
    try {
      JsonNode after = JSON.readTree(Files.readAllBytes(path)).get("after");
      if (after == null || !after.canConvertToLong()) {
        throw new IllegalStateException(path + " has no numeric 'after' cursor");
      }
      return OptionalLong.of(after.asLong());
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the backfill cursor " + path, e);
    }
  }

  void save(String userId, long after, Instant now) {
    ObjectNode root = JSON.createObjectNode();
    root.put("after", after);
    root.put("updated_at", now.toString());
    try {
      AtomicFiles.write(
          files.recentlyPlayedCursor(userId), JSON.writeValueAsBytes(root), Permissions.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not encode the backfill cursor of " + userId, e);
    }
  }
}
