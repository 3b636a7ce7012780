package io.listening.poller.kafka;

import io.listening.events.LocalDefaults;
import io.listening.poller.cli.UnavailableException;
import java.time.Duration;

/** Kafka did not answer when a command started, so the command did nothing. */
public final class KafkaUnavailableException extends UnavailableException {

  private KafkaUnavailableException(String bootstrapServers, String problem, Throwable cause) {
    super(
        "Kafka "
            + problem.replace("{}", bootstrapServers)
            + ", so nothing was published. Start it with `"
            + LocalDefaults.KAFKA_START_COMMAND
            + "`, or point"
            + " --bootstrap-servers (KAFKA_BOOTSTRAP_SERVERS) at a running broker.",
        cause);
  }

  static KafkaUnavailableException notAnswering(
      String bootstrapServers, Duration waited, Throwable cause) {
    String within =
        waited.toMillis() % 1000 == 0 ? waited.toSeconds() + " s" : waited.toMillis() + " ms";
    return new KafkaUnavailableException(
        bootstrapServers, "did not answer at {} within " + within, cause);
  }

  static KafkaUnavailableException unreachable(String bootstrapServers, Throwable cause) {
    Throwable root = cause.getCause() != null ? cause.getCause() : cause;
    return new KafkaUnavailableException(
        bootstrapServers, "could not be reached at {} (" + root.getMessage() + ")", cause);
  }
}
