package io.listening.poller.simulator;

import io.listening.events.PlayEvent;
import io.listening.poller.cli.DateConverter;
import io.listening.poller.cli.Env;
import io.listening.poller.cli.Version;
import io.listening.poller.kafka.EventPublisher;
import io.listening.poller.kafka.KafkaConfig;
import io.listening.poller.kafka.KafkaOptions;
import io.listening.poller.kafka.TopicSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code poller simulate}: generates listening history and publishes it to Kafka. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    versionProvider = Version.class,
    description = {
      "Generates listening history and publishes it to Kafka.",
      "The history is a pure function of the options: the same seed gives the same events with"
          + " the same ids, so sending it twice adds nothing downstream. Topics are created if"
          + " missing."
    })
public final class SimulateCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(SimulateCommand.class);

  @Option(names = "--seed", paramLabel = "n", defaultValue = "42", description = "Random seed.")
  @Env("SIMULATOR_SEED")
  long seed;

  @Option(
      names = "--users",
      paramLabel = "n",
      defaultValue = "50",
      description = "Number of listeners.")
  @Env("SIMULATOR_USERS")
  int users;

  @Option(
      names = "--tracks",
      paramLabel = "n",
      defaultValue = "5000",
      description = "Size of the catalogue, at least 10 per genre.")
  @Env("SIMULATOR_TRACKS")
  int tracks;

  @Option(
      names = "--genres",
      paramLabel = "n",
      defaultValue = "12",
      description = "Genre clusters the catalogue is split into.")
  @Env("SIMULATOR_GENRES")
  int genres;

  @Option(
      names = "--days",
      paramLabel = "n",
      defaultValue = "30",
      description = "Days of history, ending the day before --end-date.")
  @Env("SIMULATOR_DAYS")
  int days;

  @Option(
      names = "--end-date",
      paramLabel = "yyyy-mm-dd",
      converter = DateConverter.class,
      showDefaultValue = Visibility.NEVER,
      description = "First day after the history (UTC); no play spills past its start."
              + " Default: today.")
  @Env("SIMULATOR_END_DATE")
  LocalDate endDate;

  @Option(
      names = "--max-events",
      paramLabel = "n",
      defaultValue = "0",
      description = "Stop after this many events; 0 means no limit.")
  @Env("SIMULATOR_MAX_EVENTS")
  long maxEvents;

  @Option(
      names = "--malformed-every",
      paramLabel = "n",
      defaultValue = "0",
      description =
          "Replace every n-th record with a broken one (bad JSON, a wrong type, a broken rule in"
              + " turn) to exercise the pipeline's dead letters; 0 means never.")
  @Env("SIMULATOR_MALFORMED_EVERY")
  long malformedEvery;

  @Option(
      names = "--dry-run",
      description =
          "Generate and encode the records but publish nothing and need no Kafka (to measure the"
              + " simulator, as ops/bench/simulator.sh does).")
  boolean dryRun;

  @Option(
      names = "--planted-pairs",
      paramLabel = "file",
      description =
          "Also write the catalogue's planted related-track pairs (track_id,related_track_id) to"
              + " this CSV file: the ground truth of the recommendation evaluation's planted"
              + " check.")
  Path plantedPairs;

  @Mixin KafkaOptions kafka;

  /** The options as a checked configuration; without --end-date the history ends today (UTC). */
  SimulatorConfig config() {
    return new SimulatorConfig(
        seed,
        users,
        tracks,
        genres,
        days,
        endDate != null ? endDate : LocalDate.now(ZoneOffset.UTC),
        maxEvents,
        malformedEvery);
  }

  @Override
  public Integer call() {
    SimulatorConfig config = config();
    KafkaConfig kafkaConfig = kafka.config();
    LOG.info(
        "Simulating {} users over {} days ({} to {}), {} tracks in {} genres, seed {}{}.",
        config.users(), config.days(), config.startDate(), config.endDate().minusDays(1),
        config.tracks(), config.genres(), config.seed(), dryRun ? ", dry run" : "");
    long started = System.nanoTime();
    if (plantedPairs != null) {
      writePlantedPairs(new ListeningSimulation(config).catalog());
    }
    SimulationSummary summary;
    if (dryRun) {
      summary =
          publish(
              new ListeningSimulation(config), config.malformedEvery(), RecordSink.discarding());
    } else {
      TopicSetup.ensureTopics(kafkaConfig);
      try (EventPublisher publisher = EventPublisher.connect(kafkaConfig)) {
        summary =
            publish(
                new ListeningSimulation(config),
                config.malformedEvery(),
                RecordSink.kafka(publisher));
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    LOG.info(
        "{} {} records in {} s: {} plays ({} of them skipped by the listener), {} likes,"
            + " {} deliberately malformed.",
        dryRun ? "Generated (dry run, nothing published)" : "Published",
        summary.records(), String.format(Locale.ROOT, "%.1f", took.toMillis() / 1000.0),
        summary.plays(), summary.skipped(), summary.likes(), summary.malformed());
    return 0;
  }

  private void writePlantedPairs(Catalog catalog) {
    try {
      long pairs = PlantedPairs.write(catalog, plantedPairs);
      LOG.info("Wrote the {} planted related-track pairs of {} tracks to {}.", pairs, catalog.size(), plantedPairs);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the planted pairs to " + plantedPairs, e);
    }
  }

  static SimulationSummary publish(
      Iterable<PlayEvent> events, long malformedEvery, RecordSink sink) {
    SimulationSummary summary = new SimulationSummary();
    long sequence = 0;
    for (PlayEvent event : events) {
      sequence++;
      if (malformedEvery > 0 && sequence % malformedEvery == 0) {
        sink.publishRaw(
            event.topic(), event.userId(), MalformedRecords.corrupt(event, sequence / malformedEvery));
        summary.countMalformed();
      } else {
        sink.publish(event);
        summary.count(event);
      }
    }
    return summary;
  }
}
