package io.listening.pipelines.ingest;

import io.listening.events.LocalDefaults;
import java.time.Duration;

/** The broker did not answer while the batch was planned; nothing was read or written. */
final class KafkaUnavailableException extends RuntimeException {

  KafkaUnavailableException(String bootstrapServers, Duration waited, Throwable cause) {
    super(
        "Kafka did not answer at "
            + bootstrapServers
            + " within "
            + waited.toSeconds()
            + " s, so nothing was read or written. Start it with `"
            + LocalDefaults.KAFKA_START_COMMAND
            + "`, or"
            + " point --bootstrapServers (KAFKA_BOOTSTRAP_SERVERS) at a running broker.",
        cause);
  }
}
