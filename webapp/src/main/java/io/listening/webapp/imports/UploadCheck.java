package io.listening.webapp.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What an upload must be before anything reads it as an export: a {@code .zip} or a {@code .json},
 * and for a zip, a readable archive whose entry names stay inside it (no {@code ..}, no absolute
 * path) and whose entries claim no more than the allowed total. The importer streams entries and
 * never extracts them, so a bad name could not write a file; it is refused all the same, as a sign
 * the archive is not an export Spotify made.
 */
final class UploadCheck {

  /** Spotify's exports hold a few dozen files. */
  static final int MAX_ENTRIES = 10_000;

  private UploadCheck() {}

  /**
   * @param name the file's name as uploaded
   * @throws RejectedUploadException naming the file and the fault
   */
  static void check(Path file, String name, long maxUncompressedBytes) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return;
    }
    if (!lower.endsWith(".zip")) {
      throw new RejectedUploadException(
          name + " is not a Spotify export: upload the .zip Spotify sent, or its .json files.");
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      long total = 0;
      int count = 0;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (++count > MAX_ENTRIES) {
          throw new RejectedUploadException(
              name + " holds more than " + MAX_ENTRIES + " entries; a Spotify export holds a few dozen.");
        }
        if (escapes(entry.getName())) {
          throw new RejectedUploadException(
              name + " is refused: its entry '" + entry.getName() + "' points outside the archive.");
        }
        total += Math.max(entry.getSize(), 0);
        if (total > maxUncompressedBytes) {
          throw new RejectedUploadException(
              name
                  + " is refused: its entries unpack to more than "
                  + maxUncompressedBytes / (1024 * 1024)
                  + " MB (WEBAPP_IMPORT_MAX_UNCOMPRESSED_SIZE).");
        }
      }
    } catch (IOException e) {
      throw new RejectedUploadException(name + " is not a readable zip file: " + e.getMessage());
    }
  }

  /** An absolute name, a drive letter, or a {@code ..} segment, with either slash. */
  static boolean escapes(String entryName) {
    String name = entryName.replace('\\', '/');
    if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
      return true;
    }
    for (String segment : name.split("/")) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
