package io.listening.pipelines.ingest;

import io.listening.pipelines.kafka.OffsetRange;
import io.listening.pipelines.kafka.OffsetRanges;
import io.listening.pipelines.snowflake.SnowflakeLoad;
import io.listening.pipelines.snowflake.SnowflakeLoadException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;

/**
 * Reads the listening events that reached Kafka in a time window and lands them in the Parquet lake;
 * records that break the event contract land in the dead-letter folder with the reason.
 *
 * <p>Backfill and hourly batch are this one pipeline with different windows:
 *
 * <pre>
 * java -jar beam-pipelines.jar --lakeDir=data/lake                                  # everything so far
 * java -jar beam-pipelines.jar --lakeDir=data/lake \
 *     --windowStart=2024-06-01T10:00:00Z --windowEnd=2024-06-01T11:00:00Z          # one hour
 * ... --runner=FlinkRunner --flinkMaster=host:8081                                   # on a cluster
 * </pre>
 *
 * The window is turned into exact Kafka offset ranges before the pipeline is built (see {@link
 * OffsetRanges}), so the run is bounded on every runner and a rerun reads the same records. After
 * the run, the counts are reconciled: records read must equal valid events plus dead letters, and a
 * manifest with the ranges and counts is written to {@code <lakeDir>/_manifests/}.
 */
public final class KafkaToLake {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaToLake.class);

  /** How long planning waits for the broker before it gives up with a sentence, not a trace. */
  private static final Duration PLANNER_TIMEOUT = Duration.ofSeconds(30);

  private KafkaToLake() {}

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help")) {
      printHelp();
      return;
    }
    try {
      IngestOptions options =
          PipelineOptionsFactory.fromArgs(args).withValidation().as(IngestOptions.class);
      if (Arrays.stream(args).noneMatch(arg -> arg.startsWith("--targetParallelism"))) {
        // Profiled: the direct runner's driver loop spins on a pool thread for as long as any
        // bundle runs, which on 2 cores took half the CPU. With one pool thread it runs only between
        // bundles; each range still keeps two cores busy (a reading and a writing thread).
        options.as(DirectOptions.class).setTargetParallelism(1);
      }
      run(options, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      LOG.error("Invalid arguments: {} (--help lists the options)", e.getMessage());
      System.exit(2);
    } catch (KafkaUnavailableException e) {
      LOG.error(e.getMessage());
      System.exit(3);
    } catch (SnowflakeLoadException e) {
      LOG.error(e.getMessage());
      System.exit(4);
    } catch (RuntimeException e) {
      LOG.error("The batch failed: {}", BatchFailure.describe(e));
      LOG.debug("Failure in detail", e);
      System.exit(1);
    }
  }

  private static void printHelp() {
    System.out.println(
        "KafkaToLake: lands the listening events that reached Kafka in a time window in the"
            + " Parquet lake.\nUsage: java -jar beam-pipelines.jar --lakeDir=DIR [--option=value ...]"
            + "\nExit codes: 0 done, 1 the batch failed, 2 invalid arguments, 3 Kafka unavailable,"
            + " 4 the Snowflake load failed (the lake is complete; rerun to load).");
    PipelineOptionsFactory.printHelp(System.out, IngestOptions.class);
    System.out.println(
        "Runner options: --help=DirectOptions, --help=FlinkPipelineOptions, --help=S3Options.");
  }

  /** Resolves the window, runs the pipeline to completion and reconciles its counts. */
  public static BatchManifest run(IngestOptions options, Clock clock) {
    BatchWindow window = BatchWindow.of(options.getWindowStart(), options.getWindowEnd(), clock);
    // Checked before Kafka is read, so a wrong Snowflake setting costs no batch.
    Optional<SnowflakeLoad> warehouseLoad = SnowflakeLoad.fromOptions(options);
    List<String> topics = topics(options.getTopics());
    List<OffsetRange> ranges = resolveRanges(options.getBootstrapServers(), topics, window, PLANNER_TIMEOUT);
    LOG.info(
        "Batch {} reads {} records from {} partitions of {} (window {} to {}).",
        window.name(), OffsetRanges.totalSize(ranges), ranges.size(), topics, window.start(),
        window.end());

    long started = System.nanoTime();
    registerFileSystems(options);
    LakeStaging staging = new LakeStaging(trimSlash(options.getLakeDir()), window.name());
    staging.clear();
    BatchManifest manifest;
    try {
      Pipeline pipeline = Pipeline.create(options);
      build(pipeline, options, window, ranges, staging);
      PipelineResult result = pipeline.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("Batch " + window.name() + " ended in state " + state);
      }
      manifest = BatchManifest.of(window, ranges, result.metrics());
      manifest.requireReconciled();
    } catch (RuntimeException e) {
      staging.clear();
      throw e;
    }
    LakeStaging.Published published = staging.publish();
    manifest.writeTo(options.getLakeDir());
    double seconds = (System.nanoTime() - started) / 1e9;
    LOG.info(
        "Batch {} done in {} s: {} records read ({} records/s), {} events to the lake, {} dead"
            + " letters, {} files published, {} stale files removed.",
        window.name(), String.format("%.1f", seconds), manifest.recordsRead(),
        Math.round(manifest.recordsRead() / Math.max(seconds, 0.001)), manifest.validEvents(),
        manifest.deadLetters(), published.files(), published.removed());
    // After the manifest: the lake is complete even when the load fails, and a rerun loads it.
    warehouseLoad.ifPresent(
        load ->
            load.load(
                options.getLakeDir(), manifest.batch(), manifest.validEvents(), manifest.deadLetters()));
    return manifest;
  }

  /**
   * Assembles the pipeline: spread the offset ranges over the workers, and land each one in the
   * staging area. The ranges are few (one per topic partition), so the reshuffle that spreads them
   * costs nothing, unlike a reshuffle of the records themselves.
   */
  static PCollection<String> build(
      Pipeline pipeline, IngestOptions options, BatchWindow window, List<OffsetRange> ranges,
      LakeStaging staging) {
    return pipeline
        .apply("OffsetRanges", Create.of(ranges).withCoder(SerializableCoder.of(OffsetRange.class)))
        .apply("SpreadRanges", Reshuffle.viaRandomKey())
        .apply(
            "LandRanges",
            ParDo.of(
                new LandOffsetRangeFn(
                    options.getBootstrapServers(),
                    Duration.ofSeconds(options.getStallTimeoutSeconds()),
                    window,
                    staging.root(),
                    options.getSortBufferRows())));
  }

  /**
   * Makes the lake's filesystem (s3:// included) usable before the pipeline exists, since staging is
   * cleared first. Beam's S3 filesystem is set up for every run, and without a region it asks the
   * EC2 instance metadata service for one, about 2 s outside AWS; a lake that is not on S3 needs no
   * region, so it gets a fixed one and no lookup.
   */
  private static void registerFileSystems(IngestOptions options) {
    boolean s3Lake = options.getLakeDir().startsWith("s3://");
    if (!s3Lake && System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null) {
      options.setAwsRegion(Region.US_EAST_1);
    }
    FileSystems.setDefaultPipelineOptions(options);
  }

  static List<OffsetRange> resolveRanges(
      String bootstrapServers, List<String> topics, BatchWindow window, Duration timeout) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.CLIENT_ID_CONFIG, "listening-kafka-to-lake-planner",
            ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      return OffsetRanges.resolve(consumer, topics, window.start(), window.end());
    } catch (TimeoutException e) {
      throw new KafkaUnavailableException(bootstrapServers, timeout, e);
    }
  }

  private static List<String> topics(String csv) {
    List<String> topics =
        Arrays.stream(csv.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("--topics names no topic");
    }
    return topics;
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
