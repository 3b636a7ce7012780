package io.listening.poller.spotify.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.poller.spotify.UserFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorStoreTest {

  private static final Instant NOW = Instant.parse("2025-01-02T10:05:00Z");

  @TempDir Path dir;

  private CursorStore store() {
    return new CursorStore(new UserFiles(dir));
  }

  private Path file() throws Exception {
    Path path = new UserFiles(dir).recentlyPlayedCursor("alice");
    Files.createDirectories(path.getParent());
    return path;
  }

  @Test
  void aUserNeverBackfilledHasNoCursor() {
    assertThat(store().load("alice")).isEmpty();
  }

  @Test
  void aSavedCursorIsLoadedBack() {
    store().save("alice", 1_735_812_180_000L, NOW);

    assertThat(store().load("alice")).hasValue(1_735_812_180_000L);
    assertThat(store().load("bob")).isEmpty();
  }

  @Test
  void aCursorInTheDocumentedFormatLoads() throws Exception {
    Files.writeString(
        file(), "{\"after\": 1735812180000, \"updated_at\": \"2025-01-02T10:05:00Z\"}");

    assertThat(store().load("alice")).hasValue(1_735_812_180_000L);
  }

  @Test
  void aCursorThatIsNotANumberIsAClearError() throws Exception {
    Path path = Files.writeString(file(), "{\"after\": \"1735812180000\"}");

    assertThatThrownBy(() -> store().load("alice"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(path.toString())
        .hasMessageContaining("after must be an integer")
        .hasMessageContaining("delete it");
  }

  @Test
  void aCursorFileWithoutACursorIsAClearError() throws Exception {
    Files.writeString(file(), "{\"updated_at\": \"2025-01-02T10:05:00Z\"}");

    assertThatThrownBy(() -> store().load("alice")).hasMessageContaining("after is required");
  }
}
