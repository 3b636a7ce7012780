package io.listening.poller.kafka;

import io.listening.events.LocalDefaults;
import io.listening.poller.cli.Env;
import io.listening.poller.cli.MillisConverter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The Kafka options every publishing command takes; {@link #config()} is what they say. */
public final class KafkaOptions {

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "host:port[,host:port]",
      defaultValue = LocalDefaults.KAFKA_BOOTSTRAP_SERVERS,
      description = "Where Kafka is.")
  @Env("KAFKA_BOOTSTRAP_SERVERS")
  String bootstrapServers;

  @Option(
      names = "--partitions",
      paramLabel = "n",
      defaultValue = "3",
      description = "Partitions per topic, when this command creates the topics.")
  @Env("KAFKA_PARTITIONS")
  int partitions;

  @Option(
      names = "--replication-factor",
      paramLabel = "n",
      defaultValue = "1",
      description = "Replicas per partition, when this command creates the topics.")
  @Env("KAFKA_REPLICATION_FACTOR")
  short replicationFactor;

  @Option(
      names = "--kafka-timeout-ms",
      paramLabel = "ms",
      defaultValue = "15000",
      converter = MillisConverter.class,
      description =
          "How long to wait for Kafka to answer at start before giving up (exit code 3).")
  @Env("KAFKA_TIMEOUT_MS")
  Duration timeout;

  public KafkaConfig config() {
    return new KafkaConfig(bootstrapServers, partitions, replicationFactor, timeout);
  }
}
