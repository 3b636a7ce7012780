package io.listening.pipelines.ingest;

import io.listening.events.LakeLayout;
import io.listening.pipelines.kafka.KafkaMessage;
import io.listening.pipelines.kafka.OffsetRange;
import io.listening.pipelines.kafka.OffsetRangeReader;
import io.listening.pipelines.lake.HourPartition;
import io.listening.pipelines.lake.LakeSchemas;
import io.listening.pipelines.lake.ParquetFiles;
import io.listening.pipelines.lake.SortedParquetFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.util.MimeTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands one Kafka offset range in the batch's staging area: reads it, parses every record, and
 * writes the valid rows as one Parquet file per hour of arrival, sorted by ({@code user_id}, {@code
 * played_at}), plus one file of the range's dead letters. Reading, parsing and writing happen in one
 * step so no runner has to move or buffer the rows between steps: the work is parallel by Kafka
 * partition, the unit Kafka already divides it into. File names come from the batch and the
 * partition, so a retried or rerun range rewrites the same files.
 *
 * <p>Outputs the staged files' locations. The driver publishes them once the counts reconcile
 * ({@link LakeStaging}).
 */
final class LandOffsetRangeFn extends DoFn<OffsetRange, String> {

  private static final Logger LOG = LoggerFactory.getLogger(LandOffsetRangeFn.class);
  private static final long HOUR_MS = 3_600_000L;

  private final String bootstrapServers;
  private final Duration stallTimeout;
  private final String batch;
  private final Instant windowEnd;
  private final String stagingRoot;
  private final int sortBufferRows;

  private final Counter recordsRead = Metrics.counter(LandOffsetRangeFn.class, "records_read");
  private final Counter validEvents = Metrics.counter(LandOffsetRangeFn.class, "valid_events");
  private final Counter deadLetters = Metrics.counter(LandOffsetRangeFn.class, "dead_letters");

  LandOffsetRangeFn(
      String bootstrapServers, Duration stallTimeout, BatchWindow window, String stagingRoot,
      int sortBufferRows) {
    this.bootstrapServers = bootstrapServers;
    this.stallTimeout = stallTimeout;
    this.batch = window.name();
    this.windowEnd = window.end();
    this.stagingRoot = stagingRoot;
    this.sortBufferRows = sortBufferRows;
  }

  @ProcessElement
  public void processElement(@Element OffsetRange range, OutputReceiver<String> out) {
    long started = System.nanoTime();
    LakeRecordParser parser = new LakeRecordParser(batch, windowEnd);
    String fileName = batch + "-" + range.topic() + "-" + range.partition() + ".parquet";
    HourFiles plays = new HourFiles(fileName, out);
    List<GenericRecord> rejected = new ArrayList<>();
    long[] read = {0};
    try {
      new OffsetRangeReader(bootstrapServers, stallTimeout)
          .read(
              range,
              parser::parse,
              parsed -> {
                read[0]++;
                if (parsed.valid()) {
                  plays.add(parsed.row());
                } else {
                  rejected.add(parsed.row());
                }
              });
      plays.finish();
      if (!rejected.isEmpty()) {
        String deadLetterFile =
            stagingRoot + "/" + LakeLayout.DEAD_LETTER_DIR + "/batch=" + batch + "/" + fileName;
        writeUnsorted(rejected, deadLetterFile);
        out.output(deadLetterFile);
      }
    } finally {
      plays.abandon();
    }
    LOG.info(
        "Landed {}: {} records in {} s, {} events, {} dead letters.",
        range, read[0], String.format("%.1f", (System.nanoTime() - started) / 1e9), plays.rows(),
        rejected.size());
    recordsRead.inc(read[0]);
    validEvents.inc(plays.rows());
    deadLetters.inc(rejected.size());
  }

  private static void writeUnsorted(List<GenericRecord> rows, String location) {
    try {
      ParquetFiles.write(
          LakeSchemas.DEAD_LETTER, rows.iterator(), FileSystems.create(resource(location), MimeTypes.BINARY));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + location, e);
    }
  }

  private static ResourceId resource(String location) {
    return FileSystems.matchNewResource(location, false);
  }

  /**
   * The range's files of valid rows, one per hour of arrival. The platform's topics stamp records
   * with the broker's append time, so within a partition arrival hours only grow: one file is open
   * at a time and is written as soon as the next hour begins.
   */
  private final class HourFiles {
    private final String fileName;
    private final OutputReceiver<String> out;
    private final Set<String> written = new HashSet<>();
    private final Path spillDir = Path.of(System.getProperty("java.io.tmpdir"), "listening-lake-sort");
    private String hour;
    private long hourNumber = Long.MIN_VALUE;
    private SortedParquetFile current;
    private long rows;

    HourFiles(String fileName, OutputReceiver<String> out) {
      this.fileName = fileName;
      this.out = out;
    }

    void add(GenericRecord row) {
      long arrivedMs = (Long) row.get("kafka_timestamp");
      if (arrivedMs / HOUR_MS != hourNumber) {
        hourNumber = arrivedMs / HOUR_MS;
        changeHour(row, HourPartition.of(Instant.ofEpochMilli(arrivedMs)));
      }
      current.add(row);
      rows++;
    }

    /** Writes the finished hour's file and opens the next; the hour is formatted once per file. */
    private void changeHour(GenericRecord row, String rowHour) {
      finish();
      if (!written.add(rowHour)) {
        throw new IllegalStateException(
            "record " + row.get("kafka_topic") + "-" + row.get("kafka_partition") + "@"
                + row.get("kafka_offset") + " arrived in hour " + rowHour
                + " after later records; the topic must use message.timestamp.type=LogAppendTime");
      }
      hour = rowHour;
      current = new SortedParquetFile(LakeSchemas.PLAY_EVENT, sortBufferRows, spillDir);
    }

    void finish() {
      if (current == null) {
        return;
      }
      String location = stagingRoot + "/" + LakeLayout.PLAYS_DIR + "/" + hour + "/" + fileName;
      try {
        current.writeTo(FileSystems.create(resource(location), MimeTypes.BINARY));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not write " + location, e);
      }
      current = null;
      out.output(location);
    }

    void abandon() {
      if (current != null) {
        current.close();
      }
    }

    long rows() {
      return rows;
    }
  }
}
