package io.listening.poller.simulator;

import io.listening.events.PlayEvent;
import io.listening.poller.kafka.EventPublisher;
import io.listening.poller.kafka.KafkaConfig;
import io.listening.poller.kafka.TopicSetup;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code poller simulate}: generates history and publishes it to Kafka. */
public final class SimulateCommand {

  private static final Logger LOG = LoggerFactory.getLogger(SimulateCommand.class);

  private SimulateCommand() {}

  public static void run(Map<String, String> env, Map<String, String> args) {
    SimulatorConfig config = SimulatorConfig.from(env, args);
    KafkaConfig kafka = KafkaConfig.from(env, args);
    LOG.info(
        "Simulating {} users over {} days ({} to {}), {} tracks in {} genres, seed {}.",
        config.users(), config.days(), config.startDate(), config.endDate().minusDays(1),
        config.tracks(), config.genres(), config.seed());
    TopicSetup.ensureTopics(kafka);
    long started = System.nanoTime();
    SimulationSummary summary;
    try (EventPublisher publisher = EventPublisher.connect(kafka)) {
      summary = publish(new ListeningSimulation(config), config.malformedEvery(), publisher);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    LOG.info(
        "Published {} records in {} s: {} plays ({} of them skipped by the listener), {} likes,"
            + " {} deliberately malformed.",
        summary.records(), String.format("%.1f", took.toMillis() / 1000.0), summary.plays(),
        summary.skipped(), summary.likes(), summary.malformed());
  }

  static SimulationSummary publish(
      Iterable<PlayEvent> events, long malformedEvery, EventPublisher publisher) {
    SimulationSummary summary = new SimulationSummary();
    long sequence = 0;
    for (PlayEvent event : events) {
      sequence++;
      if (malformedEvery > 0 && sequence % malformedEvery == 0) {
        publisher.publishRaw(
            event.topic(), event.userId(), MalformedRecords.corrupt(event, sequence / malformedEvery));
        summary.countMalformed();
      } else {
        publisher.publish(event);
        summary.count(event);
      }
    }
    return summary;
  }
}
