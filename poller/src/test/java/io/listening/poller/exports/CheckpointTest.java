package io.listening.poller.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

  @TempDir Path temp;

  private static final Fingerprint FILE = new Fingerprint(840_843, "ab".repeat(32));

  @Test
  void progressSurvivesARestart() {
    Path path = temp.resolve("import-checkpoints/alice.json");
    Checkpoint checkpoint = Checkpoint.load(path, "alice", TestExports.CLOCK);
    checkpoint.save(FILE, "StreamingHistory0.json", 5_000, false);
    checkpoint.save(new Fingerprint(10, "cd".repeat(32)), "StreamingHistory1.json", 12, true);

    Checkpoint reloaded = Checkpoint.load(path, "alice", TestExports.CLOCK);

    assertThat(reloaded.entry(FILE))
        .isEqualTo(
            new Checkpoint.Entry(
                "StreamingHistory0.json", 5_000, false, TestExports.CLOCK.instant()));
    assertThat(reloaded.entry(new Fingerprint(10, "cd".repeat(32))).complete()).isTrue();
    assertThat(reloaded.entry(new Fingerprint(11, "cd".repeat(32)))).isNull();
  }

  @Test
  void savingLeavesNoTemporaryFilesBehind() throws IOException {
    Path path = temp.resolve("alice.json");
    Checkpoint checkpoint = Checkpoint.load(path, "alice", TestExports.CLOCK);
    for (int i = 1; i <= 3; i++) {
      checkpoint.save(FILE, "StreamingHistory0.json", i * 1_000L, false);
    }

    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files).containsExactly(path);
    }
  }

  @Test
  void aCheckpointOfAnotherUserIsRefused() {
    Path path = temp.resolve("shared.json");
    Checkpoint.load(path, "alice", TestExports.CLOCK).save(FILE, "StreamingHistory0.json", 1, true);

    assertThatThrownBy(() -> Checkpoint.load(path, "bob", TestExports.CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("belongs to user 'alice', not 'bob'");
  }

  @Test
  void anUnreadableCheckpointIsAClearError() throws IOException {
    Path path =
        Files.writeString(temp.resolve("alice.json"), "{\"user_id\": \"alice\", \"files\": [");

    assertThatThrownBy(() -> Checkpoint.load(path, "alice", TestExports.CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not readable")
        .hasMessageContaining("delete it");
  }

  @Test
  void aWronglyTypedCheckpointNamesTheFileAndTheField() throws IOException {
    Path path =
        Files.writeString(
            temp.resolve("alice.json"),
            "{\"user_id\": \"alice\", \"files\": [{\"name\": \"StreamingHistory0.json\","
                + " \"size\": 840843, \"sha256\": \"ab\", \"records_done\": \"5707\","
                + " \"complete\": true}]}");

    assertThatThrownBy(() -> Checkpoint.load(path, "alice", TestExports.CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(path.toString())
        .hasMessageContaining("files[0].records_done must be an integer");
  }

  @Test
  void aCheckpointMissingAFieldIsRefusedRatherThanReadAsZero() throws IOException {
    Path path =
        Files.writeString(
            temp.resolve("alice.json"),
            "{\"user_id\": \"alice\", \"files\": [{\"name\": \"StreamingHistory0.json\","
                + " \"size\": 840843, \"records_done\": 5707, \"complete\": true}]}");

    assertThatThrownBy(() -> Checkpoint.load(path, "alice", TestExports.CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("files[0].sha256 is required");
  }

  @Test
  void aCheckpointWrittenBeforeTheRecordsStillLoads() throws IOException {
    // As the node-by-node writer of earlier versions left it.
    Path path =
        Files.writeString(
            temp.resolve("alice.json"),
            """
            {
              "user_id" : "alice",
              "files" : [ {
                "name" : "StreamingHistory0.json",
                "size" : 840843,
                "sha256" : "%s",
                "records_done" : 5000,
                "complete" : false,
                "updated_at" : "2025-01-02T10:00:00Z"
              } ]
            }
            """
                .formatted("ab".repeat(32)));

    assertThat(Checkpoint.load(path, "alice", TestExports.CLOCK).entry(FILE))
        .isEqualTo(
            new Checkpoint.Entry(
                "StreamingHistory0.json", 5_000, false, Instant.parse("2025-01-02T10:00:00Z")));
  }
}
