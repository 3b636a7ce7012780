package io.listening.pipelines.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.listening.events.LakeLayout;
import io.listening.events.StrictJson;
import io.listening.pipelines.kafka.OffsetRange;
import io.listening.pipelines.kafka.OffsetRanges;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * What one batch read and where it went. Written as JSON to {@code <lakeDir>/_manifests/<batch>.json}
 * so the data-quality checks can reconcile the lake against Kafka without rereading it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BatchManifest(
    String batch,
    String windowStart,
    String windowEnd,
    List<OffsetRange> ranges,
    long expectedRecords,
    long recordsRead,
    long validEvents,
    long deadLetters) {

  private static final ObjectMapper MAPPER =
      StrictJson.newMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  static BatchManifest of(BatchWindow window, List<OffsetRange> ranges, MetricResults metrics) {
    return new BatchManifest(
        window.name(),
        window.start().toString(),
        window.end().toString(),
        ranges,
        OffsetRanges.totalSize(ranges),
        counter(metrics, LandOffsetRangeFn.class, "records_read"),
        counter(metrics, LandOffsetRangeFn.class, "valid_events"),
        counter(metrics, LandOffsetRangeFn.class, "dead_letters"));
  }

  /** Invariant 1: every record of the ranges was read, and each one is an event or a dead letter. */
  void requireReconciled() {
    if (recordsRead != expectedRecords || recordsRead != validEvents + deadLetters) {
      throw new IllegalStateException(
          String.format(
              "Batch %s does not reconcile: %d records in the offset ranges, %d read, %d valid"
                  + " events, %d dead letters",
              batch, expectedRecords, recordsRead, validEvents, deadLetters));
    }
  }

  void writeTo(String lakeDir) {
    String base = lakeDir.endsWith("/") ? lakeDir : lakeDir + "/";
    ResourceId target =
        FileSystems.matchNewResource(
            base + LakeLayout.MANIFESTS_DIR + "/" + batch + ".json", false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(target, MimeTypes.TEXT))) {
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, this);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the manifest " + target, e);
    }
  }

  /** Reads a manifest that {@link #writeTo} wrote. */
  static BatchManifest read(String json) throws IOException {
    return MAPPER.readValue(json, BatchManifest.class);
  }

  private static long counter(MetricResults metrics, Class<?> namespace, String name) {
    MetricQueryResults results =
        metrics.queryMetrics(
            MetricsFilter.builder().addNameFilter(MetricNameFilter.named(namespace, name)).build());
    long total = 0;
    for (MetricResult<Long> counter : results.getCounters()) {
      total += committedOrAttempted(counter);
    }
    return total;
  }

  private static long committedOrAttempted(MetricResult<Long> counter) {
    try {
      return counter.getCommitted();
    } catch (UnsupportedOperationException e) {
      // Some runners (Flink) only report attempted metrics; for a finished batch job they are final.
      return counter.getAttempted();
    }
  }
}
