package io.listening.poller.kafka;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where and how events are published; read by {@link KafkaOptions}.
 *
 * @param bootstrapServers host:port[,host:port]
 * @param partitions partitions per topic when this tool creates the topics
 * @param replicationFactor replicas per partition when this tool creates the topics
 * @param timeout how long a command waits for Kafka to answer at start before it gives up
 */
public record KafkaConfig(
    String bootstrapServers, int partitions, short replicationFactor, Duration timeout) {

  private static final Pattern SERVERS =
      Pattern.compile("[^\\s,]+:\\d{1,5}(,[^\\s,]+:\\d{1,5})*");

  public KafkaConfig {
    if (bootstrapServers == null || !SERVERS.matcher(bootstrapServers).matches()) {
      throw new IllegalArgumentException(
          "bootstrap-servers must look like host:port[,host:port], got '" + bootstrapServers + "'");
    }
    if (partitions <= 0) {
      throw new IllegalArgumentException("partitions must be positive, got " + partitions);
    }
    if (replicationFactor <= 0) {
      throw new IllegalArgumentException(
          "replication-factor must be positive, got " + replicationFactor);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "kafka-timeout-ms must be positive, got " + timeout.toMillis());
    }
  }
}
