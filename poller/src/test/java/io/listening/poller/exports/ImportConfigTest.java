package io.listening.poller.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportConfigTest {

  @Test
  void argumentsWithADefaultForTheCheckpoint() {
    ImportConfig config =
        ImportConfig.from(
            Map.of("DATA_DIR", "/srv/listening"), Map.of("path", "export.zip", "user", "alice"));

    assertThat(config.path()).isEqualTo(Path.of("export.zip"));
    assertThat(config.userId()).isEqualTo("alice");
    assertThat(config.checkpoint())
        .isEqualTo(Path.of("/srv/listening/import-checkpoints/alice.json"));
  }

  @Test
  void environmentVariablesAreUsedAndArgumentsWin() {
    ImportConfig config =
        ImportConfig.from(
            Map.of(
                "IMPORT_PATH", "/exports/alice",
                "IMPORT_USER", "alice",
                "IMPORT_CHECKPOINT", "/tmp/alice.json"),
            Map.of("user", "bob"));

    assertThat(config.path()).isEqualTo(Path.of("/exports/alice"));
    assertThat(config.userId()).isEqualTo("bob");
    assertThat(config.checkpoint()).isEqualTo(Path.of("/tmp/alice.json"));
  }

  @Test
  void withoutDataDirTheCheckpointGoesUnderData() {
    ImportConfig config = ImportConfig.from(Map.of(), Map.of("path", "x", "user", "bob"));

    assertThat(config.checkpoint()).isEqualTo(Path.of("data/import-checkpoints/bob.json"));
  }

  @Test
  void userAndPathAreRequired() {
    assertThatThrownBy(() -> ImportConfig.from(Map.of(), Map.of("path", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--user (or IMPORT_USER) is required");
    assertThatThrownBy(() -> ImportConfig.from(Map.of(), Map.of("user", "alice")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--path (or IMPORT_PATH) is required");
  }

  @Test
  void aUserIdThatCannotNameAFileIsRefused() {
    assertThatThrownBy(() -> ImportConfig.from(Map.of(), Map.of("path", "x", "user", "../etc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user must be");
  }
}
