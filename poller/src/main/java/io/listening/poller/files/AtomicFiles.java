package io.listening.poller.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Replaces files atomically: the bytes go to a temporary file in the same folder, are forced to
 * disk, and the temporary file is renamed over the target; then the folder is forced too, where the
 * platform allows it, so the rename itself survives a power cut. A crash leaves the old file or the
 * new one, never half of either.
 */
public final class AtomicFiles {

  /** Who may read the file written. */
  public enum Permissions {
    /** {@code rw-------}: for secrets, such as the token store. */
    OWNER_ONLY,
    /** What the process's umask gives a new file (usually {@code rw-r--r--}). */
    DEFAULT
  }

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to {@code target}, creating its folder if needed.
   *
   * @throws UncheckedIOException naming {@code target} when the file cannot be written; the old
   *     file, if any, is then unchanged
   */
  public static void write(Path target, byte[] bytes, Permissions permissions) {
    Path dir = target.toAbsolutePath().getParent();
    // Unique, so two writers never share one; hidden, so it does not look like a state file.
    Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(dir);
      try (FileChannel channel =
          FileChannel.open(
              temp,
              Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              attributes(permissions))) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      forceFolder(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + target, e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // Only left when the write failed; that error is the one worth reporting.
      }
    }
  }

  private static FileAttribute<?>[] attributes(Permissions permissions) {
    if (permissions == Permissions.OWNER_ONLY && POSIX) {
      return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
      };
    }
    return new FileAttribute<?>[0];
  }

  /**
   * Makes the rename durable; Windows cannot open a folder as a channel, and needs no such step.
   */
  private static void forceFolder(Path dir) {
    if (!POSIX) {
      return;
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems refuse to sync a folder; the file itself is already on disk.
    }
  }
}
