package io.listening.pipelines.lake;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * The rows of one lake file, written sorted by ({@code user_id}, {@code played_at}) so Parquet's
 * row-group statistics let readers skip what a user or time filter excludes. At most {@code
 * bufferRows} rows are held in memory; beyond that, sorted runs spill to local Avro files and are
 * merged while the Parquet file is written, so memory does not grow with the window.
 */
public final class SortedParquetFile implements AutoCloseable {

  /** Ties on user and time are broken by Kafka offset, so a rerun writes the same file. */
  private static final Comparator<SortKey> ORDER =
      Comparator.comparing(SortKey::userId)
          .thenComparingLong(SortKey::playedAtMs)
          .thenComparingLong(SortKey::offset);

  private final Schema schema;
  private final int bufferRows;
  private final Path spillDir;
  private final List<Keyed> buffer = new ArrayList<>();
  private final List<File> spills = new ArrayList<>();
  private final List<DataFileReader<GenericRecord>> readers = new ArrayList<>();
  private long rows;

  public SortedParquetFile(Schema schema, int bufferRows, Path spillDir) {
    if (bufferRows < 1) {
      throw new IllegalArgumentException("bufferRows must be at least 1, not " + bufferRows);
    }
    this.schema = schema;
    this.bufferRows = bufferRows;
    this.spillDir = spillDir;
  }

  public void add(GenericRecord row) {
    buffer.add(new Keyed(SortKey.of(row), row));
    rows++;
    if (buffer.size() >= bufferRows) {
      spill();
    }
  }

  public long rows() {
    return rows;
  }

  /** Writes every row added, in order, as one Parquet file to {@code channel}, and closes it. */
  public void writeTo(WritableByteChannel channel) throws IOException {
    buffer.sort(Comparator.comparing(Keyed::key, ORDER));
    try {
      ParquetFiles.write(schema, spills.isEmpty() ? bufferIterator() : merged(), channel);
    } finally {
      close();
    }
  }

  /** Removes the spill files; the rows added are gone. */
  @Override
  public void close() {
    for (DataFileReader<GenericRecord> reader : readers) {
      try {
        reader.close();
      } catch (IOException e) {
        // A spill file is read to its end; failing to close it loses nothing.
      }
    }
    readers.clear();
    for (File spill : spills) {
      spill.delete();
    }
    spills.clear();
    buffer.clear();
  }

  private Iterator<GenericRecord> bufferIterator() {
    return buffer.stream().map(Keyed::row).iterator();
  }

  private void spill() {
    buffer.sort(Comparator.comparing(Keyed::key, ORDER));
    try {
      Files.createDirectories(spillDir);
      File file = Files.createTempFile(spillDir, "lake-sort-", ".avro").toFile();
      spills.add(file);
      try (DataFileWriter<GenericRecord> writer =
          new DataFileWriter<GenericRecord>(new GenericDatumWriter<>(schema)).create(schema, file)) {
        for (Keyed keyed : buffer) {
          writer.append(keyed.row());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not spill sorted rows to " + spillDir, e);
    }
    buffer.clear();
  }

  /** A k-way merge of the spilled runs and the rows still in memory. */
  private Iterator<GenericRecord> merged() throws IOException {
    List<Iterator<GenericRecord>> sources = new ArrayList<>();
    for (File spill : spills) {
      DataFileReader<GenericRecord> reader =
          new DataFileReader<>(spill, new GenericDatumReader<GenericRecord>(schema));
      readers.add(reader);
      sources.add(reader);
    }
    sources.add(bufferIterator());
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::key, ORDER));
    for (Iterator<GenericRecord> source : sources) {
      Head.next(source).ifPresent(heads::add);
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !heads.isEmpty();
      }

      @Override
      public GenericRecord next() {
        Head head = heads.poll();
        Head.next(head.source()).ifPresent(heads::add);
        return head.row();
      }
    };
  }

  private record SortKey(String userId, long playedAtMs, long offset) {
    static SortKey of(GenericRecord row) {
      return new SortKey(
          row.get("user_id").toString(), (Long) row.get("played_at"), (Long) row.get("kafka_offset"));
    }
  }

  private record Keyed(SortKey key, GenericRecord row) {}

  private record Head(SortKey key, GenericRecord row, Iterator<GenericRecord> source) {
    static Optional<Head> next(Iterator<GenericRecord> source) {
      if (!source.hasNext()) {
        return Optional.empty();
      }
      GenericRecord row = source.next();
      return Optional.of(new Head(SortKey.of(row), row, source));
    }
  }
}
