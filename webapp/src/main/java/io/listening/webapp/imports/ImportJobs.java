package io.listening.webapp.imports;

import io.listening.poller.exports.ImportCommand;
import io.listening.poller.exports.ImportConfig;
import io.listening.poller.exports.ImportSummary;
import io.listening.poller.exports.ProgressReporter;
import io.listening.poller.kafka.KafkaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs browser imports, one at a time, in the background: the poller's {@link ImportCommand} code
 * path (topics created if missing, the same checkpoints, the same summary), with its progress
 * forwarded to the pages that subscribed. The last run stays visible until the next starts.
 */
@Component
class ImportJobs implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
  private static final Duration PROGRESS_EVERY = Duration.ofMillis(250);

  private final ImportProperties properties;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "browser-import");
            thread.setDaemon(true);
            return thread;
          });
  private final List<Consumer<ImportRun>> subscribers = new CopyOnWriteArrayList<>();
  private @Nullable ImportRun current;

  ImportJobs(ImportProperties properties) {
    this.properties = properties;
  }

  synchronized Optional<ImportRun> current() {
    return Optional.ofNullable(current);
  }

  /** Calls {@code subscriber} with every change, on the importing thread; returns the unsubscribe. */
  Runnable subscribe(Consumer<ImportRun> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /**
   * Checks the upload and starts importing it; the upload is moved into the data folder and deleted
   * when the import ends. A refused upload is deleted at once and changes nothing.
   *
   * @throws RejectedUploadException when importing is off, another import runs, the user id is not
   *     valid or the file fails {@link UploadCheck}
   */
  void start(Path uploaded, String name, String userId) {
    Path file;
    ImportConfig config;
    synchronized (this) {
      try {
        if (!properties.enabled()) {
          throw new RejectedUploadException(
              "Importing is off: set WEBAPP_KAFKA_BOOTSTRAP_SERVERS (or KAFKA_BOOTSTRAP_SERVERS) to"
                  + " the broker the pipeline reads.");
        }
        if (current != null && current.running()) {
          throw new RejectedUploadException(
              "An import of " + current.upload() + " is running; start the next when it is done.");
        }
        try {
          config =
              new ImportConfig(
                  uploaded,
                  userId,
                  ImportConfig.defaultCheckpoint(properties.dataDir(), userId));
        } catch (IllegalArgumentException e) {
          throw new RejectedUploadException(
              "The listener's id is not valid: " + e.getMessage() + ".");
        }
        UploadCheck.check(uploaded, name, properties.maxUncompressedSize().toBytes());
        file = keep(uploaded, name);
      } catch (RejectedUploadException e) {
        deleteQuietly(uploaded);
        throw e;
      }
      current = ImportRun.started(name, userId);
    }
    ImportConfig kept = new ImportConfig(file, config.userId(), config.checkpoint());
    publish(current);
    worker.execute(() -> run(kept, name));
  }

  private void run(ImportConfig config, String name) {
    log.info("Importing the upload {} for user {}.", name, config.userId());
    try {
      ImportSummary summary =
          ImportCommand.importExport(
              config,
              kafka(),
              ProgressReporter.to(
                  (file, done, total, records) ->
                      update(run -> run.progress(file, (int) Math.min(100, done * 100 / Math.max(total, 1)), records)),
                  PROGRESS_EVERY));
      update(run -> run.done(summary));
    } catch (RuntimeException e) {
      // Every failure of the importer is a sentence naming the file or the service at fault.
      log.warn("The import of the upload {} for user {} stopped: {}", name, config.userId(), e.getMessage());
      // The page names the upload, not where the server keeps it.
      String problem = String.valueOf(e.getMessage()).replace(config.path().toString(), name);
      update(run -> run.failed(problem));
    } finally {
      deleteQuietly(config.path());
      deleteQuietly(config.path().getParent());
    }
  }

  private KafkaConfig kafka() {
    return new KafkaConfig(
        properties.bootstrapServers(),
        ImportProperties.PARTITIONS,
        ImportProperties.REPLICATION_FACTOR,
        properties.kafkaTimeout());
  }

  private void update(UnaryOperator<ImportRun> change) {
    ImportRun changed;
    synchronized (this) {
      if (current == null) {
        return;
      }
      changed = change.apply(current);
      current = changed;
    }
    publish(changed);
  }

  private void publish(ImportRun run) {
    for (Consumer<ImportRun> subscriber : subscribers) {
      subscriber.accept(run);
    }
  }

  /**
   * Moves the upload into a folder of its own under the data folder. The name is kept, since it
   * tells the importer the export's format (StreamingHistory_music_0.json, ...), but only its
   * letters, digits, dots, dashes and underscores: nothing else of it reaches the file system.
   */
  private Path keep(Path uploaded, String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.startsWith(".")) {
      base = "_" + base;
    }
    Path target = properties.uploads().resolve(UUID.randomUUID().toString()).resolve(base);
    try {
      Files.createDirectories(target.getParent());
      return Files.move(uploaded, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new RejectedUploadException(
          "Could not keep the upload " + name + " in " + properties.uploads() + ": " + e.getMessage());
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the upload {}: {}", file, e.getMessage());
    }
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
