package io.listening.poller.exports;

import io.listening.poller.kafka.EventPublisher;
import io.listening.poller.kafka.KafkaConfig;
import io.listening.poller.kafka.TopicSetup;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code poller import}: publishes a Spotify data export to Kafka.
 *
 * <pre>
 * java -jar poller/target/poller.jar import --path=my_spotify_data.zip --user=alice
 *     [--checkpoint=data/import-checkpoints/alice.json]
 *     [--bootstrap-servers=host:port]
 * </pre>
 *
 * Running it again on the same export publishes nothing; after an interruption it resumes where the
 * checkpoint says.
 */
public final class ImportCommand {

  private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);

  private ImportCommand() {}

  public static void run(Map<String, String> env, Map<String, String> args) {
    ImportConfig config = ImportConfig.from(env, args);
    KafkaConfig kafka = KafkaConfig.from(env, args);
    importExport(config, kafka, ProgressReporter.forStderr());
  }

  static ImportSummary importExport(
      ImportConfig config, KafkaConfig kafka, ProgressReporter progress) {
    Clock clock = Clock.systemUTC();
    Checkpoint checkpoint = Checkpoint.load(config.checkpoint(), config.userId(), clock);
    try (ExportSource source = ExportSource.open(config.path())) {
      LOG.info(
          "Importing {} listening-history {} from {} for user {} (checkpoint {}).",
          source.files().size(),
          source.files().size() == 1 ? "file" : "files",
          config.path(),
          config.userId(),
          config.checkpoint());
      TopicSetup.ensureTopics(kafka);
      long started = System.nanoTime();
      ImportSummary summary;
      try (EventPublisher publisher = EventPublisher.connect(kafka)) {
        ExportImporter importer =
            new ExportImporter(
                config.userId(),
                clock,
                checkpoint,
                EventSink.kafka(publisher),
                progress,
                ExportImporter.DEFAULT_FLUSH_EVERY);
        summary = importer.importAll(source);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      LOG.info(
          "Import for user {} finished in {} s.",
          config.userId(),
          String.format(Locale.ROOT, "%.1f", took.toMillis() / 1000.0));
      summary.describe().forEach(line -> LOG.info("{}", line));
      if (!summary.brokenFiles().isEmpty()) {
        LOG.warn(
            "{} of {} files could not be read to the end. Fix or download them again and rerun the"
                + " same command: what was imported is skipped.",
            summary.brokenFiles().size(),
            summary.files());
      }
      return summary;
    }
  }
}
