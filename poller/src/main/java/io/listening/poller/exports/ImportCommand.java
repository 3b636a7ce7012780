package io.listening.poller.exports;

import io.listening.poller.cli.DataDirOption;
import io.listening.poller.cli.Env;
import io.listening.poller.cli.Version;
import io.listening.poller.kafka.EventPublisher;
import io.listening.poller.kafka.KafkaConfig;
import io.listening.poller.kafka.KafkaOptions;
import io.listening.poller.kafka.TopicSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code poller import}: publishes a Spotify data export to Kafka. Running it again on the same
 * export publishes nothing; after an interruption it resumes where the checkpoint says.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    versionProvider = Version.class,
    description = {
      "Publishes a person's Spotify data export to Kafka.",
      "Reads basic or extended streaming history from a folder, the downloaded zip or one JSON"
          + " file. Every stream of a track becomes one play event with the time Spotify says was"
          + " played. Resumable: rerunning publishes nothing new. Topics are created if missing."
    })
public final class ImportCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);

  @Option(
      names = "--path",
      paramLabel = "export",
      required = true,
      description = "The export: a folder, the downloaded .zip or one .json file.")
  @Env("IMPORT_PATH")
  Path path;

  @Option(
      names = "--user",
      paramLabel = "id",
      required = true,
      description = "Whose history it is (exports carry no user name).")
  @Env("IMPORT_USER")
  String user;

  @Option(
      names = "--checkpoint",
      paramLabel = "file",
      showDefaultValue = Visibility.NEVER,
      description =
          "Progress file that makes the import resumable. Default:"
              + " <data-dir>/import-checkpoints/<user>.json.")
  @Env("IMPORT_CHECKPOINT")
  Path checkpoint;

  @Mixin DataDirOption dataDir;

  @Mixin KafkaOptions kafka;

  ImportConfig config() {
    return new ImportConfig(
        path,
        user,
        checkpoint != null ? checkpoint : ImportConfig.defaultCheckpoint(dataDir.path(), user));
  }

  @Override
  public Integer call() {
    importExport(config(), kafka.config(), ProgressReporter.forStderr());
    return 0;
  }

  /**
   * Imports one export into Kafka, creating the topics if missing; also the web app's browser
   * import.
   *
   * @throws IllegalArgumentException when the export cannot be opened or holds no history file,
   *     or the checkpoint belongs to another user; nothing is published then
   * @throws io.listening.poller.kafka.KafkaUnavailableException when Kafka does not answer in time
   * @throws IllegalStateException when publishing stops part-way (the checkpoint says how far)
   */
  public static ImportSummary importExport(
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
