package io.listening.poller.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The small export files under {@code src/test/resources/exports} and helpers around them. */
final class TestExports {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  private TestExports() {}

  static Path resource(String name) {
    try {
      return Path.of(TestExports.class.getResource("/exports/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a zip whose entries (name → content) are given. */
  static Path zip(Path target, Map<String, byte[]> entries) {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  static byte[] bytes(String resource) {
    try {
      return Files.readAllBytes(resource(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An importer for user {@code alice} with no progress output. */
  static ExportImporter importer(Path checkpoint, EventSink sink, int flushEvery) {
    return new ExportImporter(
        "alice",
        CLOCK,
        Checkpoint.load(checkpoint, "alice", CLOCK),
        sink,
        ProgressReporter.silent(),
        flushEvery);
  }

  static ImportSummary importInto(Path export, Path checkpoint, EventSink sink) {
    try (ExportSource source = ExportSource.open(export)) {
      return importer(checkpoint, sink, ExportImporter.DEFAULT_FLUSH_EVERY).importAll(source);
    }
  }
}
