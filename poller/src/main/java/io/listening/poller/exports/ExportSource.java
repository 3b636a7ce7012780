package io.listening.poller.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The listening-history files of one export: a folder (searched recursively), the .zip Spotify
 * sends (entries are streamed, never extracted), or a single .json file. Other files of the export
 * (playlists, library, user data) are counted and left alone.
 */
final class ExportSource implements AutoCloseable {

  private final Path path;
  private final List<ExportFile> files;
  private final int ignoredFiles;
  private final ZipFile zip;

  private ExportSource(Path path, List<ExportFile> files, int ignoredFiles, ZipFile zip) {
    this.path = path;
    this.files = files;
    this.ignoredFiles = ignoredFiles;
    this.zip = zip;
  }

  /**
   * @throws IllegalArgumentException when the path does not exist, is not a readable zip, or holds
   *     no listening-history file
   */
  static ExportSource open(Path path) {
    ExportSource source;
    if (Files.isDirectory(path)) {
      source = folder(path);
    } else if (Files.isRegularFile(path)
        && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      source = zip(path);
    } else if (Files.isRegularFile(path)) {
      source = single(path);
    } else {
      throw new IllegalArgumentException("export path " + path + " does not exist");
    }
    if (source.files.isEmpty()) {
      source.close();
      throw new IllegalArgumentException(
          "no listening-history files in "
              + path
              + " (looked for StreamingHistory*.json, Streaming_History_Audio_*.json,"
              + " Streaming_History_Video_*.json and endsong_*.json)");
    }
    return source;
  }

  Path path() {
    return path;
  }

  /** Listening-history files, in name order. */
  List<ExportFile> files() {
    return files;
  }

  /** Files of the export that are not listening history. */
  int ignoredFiles() {
    return ignoredFiles;
  }

  @Override
  public void close() {
    if (zip != null) {
      try {
        zip.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not close " + path, e);
      }
    }
  }

  private static ExportSource folder(Path dir) {
    List<ExportFile> files = new ArrayList<>();
    int ignored = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        Optional<ExportFormat> format = ExportFormat.of(file.getFileName().toString());
        if (format.isEmpty()) {
          ignored++;
          continue;
        }
        files.add(
            new ExportFile(
                dir.relativize(file).toString(),
                format.get(),
                Files.size(file),
                () -> Files.newInputStream(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + dir, e);
    }
    return new ExportSource(dir, files, ignored, null);
  }

  private static ExportSource single(Path file) {
    Optional<ExportFormat> format = ExportFormat.of(file.getFileName().toString());
    if (format.isEmpty()) {
      return new ExportSource(file, List.of(), 1, null);
    }
    try {
      return new ExportSource(
          file,
          List.of(
              new ExportFile(
                  file.getFileName().toString(),
                  format.get(),
                  Files.size(file),
                  () -> Files.newInputStream(file))),
          0,
          null);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }

  private static ExportSource zip(Path path) {
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile());
    } catch (ZipException e) {
      throw new IllegalArgumentException(
          path + " is not a readable zip file: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open " + path, e);
    }
    List<ExportFile> files = new ArrayList<>();
    int ignored = 0;
    List<? extends ZipEntry> entries =
        zip.stream()
            .filter(entry -> !entry.isDirectory())
            .filter(entry -> !entry.getName().startsWith("__MACOSX/"))
            .sorted(Comparator.comparing(ZipEntry::getName))
            .toList();
    for (ZipEntry entry : entries) {
      String name = entry.getName();
      Optional<ExportFormat> format = ExportFormat.of(name.substring(name.lastIndexOf('/') + 1));
      if (format.isEmpty()) {
        ignored++;
        continue;
      }
      files.add(
          new ExportFile(name, format.get(), entry.getSize(), () -> zip.getInputStream(entry)));
    }
    return new ExportSource(path, files, ignored, zip);
  }
}
