package io.listening.poller.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.poller.files.AtomicFiles.Permissions;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  private static byte[] text(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> names() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writeReplacesTheFileWholeAndLeavesNoTemporaryFiles() throws Exception {
    Path target = dir.resolve("state.json");
    for (int i = 1; i <= 3; i++) {
      AtomicFiles.write(target, text("version " + i), Permissions.DEFAULT);
    }

    assertThat(Files.readString(target)).isEqualTo("version 3");
    assertThat(names()).containsExactly("state.json");
  }

  @Test
  void missingFoldersAreCreated() throws Exception {
    Path target = dir.resolve("users/alice/playback.json");

    AtomicFiles.write(target, text("{}"), Permissions.DEFAULT);

    assertThat(Files.readString(target)).isEqualTo("{}");
  }

  @Test
  void secretsAreOwnerOnlyEvenWhenTheOldFileWasNot() throws Exception {
    Path target = Files.writeString(dir.resolve("spotify-tokens.enc"), "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));

    AtomicFiles.write(target, text("new"), Permissions.OWNER_ONLY);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
  }

  @Test
  void otherFilesGetWhatAnyNewFileGets() throws Exception {
    Path target = dir.resolve("checkpoint.json");

    AtomicFiles.write(target, text("{}"), Permissions.DEFAULT);

    assertThat(Files.getPosixFilePermissions(target))
        .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
        .isEqualTo(umaskedDefault());
  }

  /** The permissions the process gives any new file. */
  private Set<PosixFilePermission> umaskedDefault() throws Exception {
    Path probe = Files.createFile(dir.resolve("probe"));
    try {
      return Files.getPosixFilePermissions(probe);
    } finally {
      Files.delete(probe);
    }
  }

  @Test
  void aFailedWriteNamesTheTargetAndLeavesNoTemporaryFile() throws Exception {
    // A folder in the way cannot be replaced by a file; a failed rename is the last step to fail.
    Path target = Files.createDirectory(dir.resolve("state.json"));
    Files.writeString(target.resolve("inside"), "old");

    assertThatThrownBy(() -> AtomicFiles.write(target, text("new"), Permissions.DEFAULT))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(target.toString());
    assertThat(names()).containsExactly("state.json");
    assertThat(Files.readString(target.resolve("inside"))).isEqualTo("old");
  }
}
