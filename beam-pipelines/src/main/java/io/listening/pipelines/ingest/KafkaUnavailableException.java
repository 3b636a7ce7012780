package io.listening.pipelines.ingest;

import java.time.Duration;

/** The broker did not answer while the batch was planned; nothing was read or written. */
final class KafkaUnavailableException extends RuntimeException {

  KafkaUnavailableException(String bootstrapServers, Duration waited, Throwable cause) {
    super(
        "Kafka did not answer at "
            + bootstrapServers
            + " within "
            + waited.toSeconds()
            + " s, so nothing was read or written. Start it with `bash ops/kafka.sh start`, or"
            + " point --bootstrapServers (KAFKA_BOOTSTRAP_SERVERS) at a running broker.",
        cause);
  }
}
