package io.listening.poller.kafka;

import io.listening.events.LocalDefaults;
import io.listening.poller.Settings;
import java.util.Map;

/**
 * Where and how events are published. From {@code KAFKA_*} variables or {@code --name=value}.
 *
 * @param bootstrapServers host:port[,host:port]
 * @param partitions partitions per topic when this tool creates the topics
 * @param replicationFactor replicas per partition when this tool creates the topics
 */
public record KafkaConfig(String bootstrapServers, int partitions, short replicationFactor) {

  public static KafkaConfig from(Map<String, String> env, Map<String, String> args) {
    Settings s = new Settings(env, args, "KAFKA_");
    String servers = s.raw("bootstrap-servers");
    return new KafkaConfig(
        servers == null || servers.isBlank() ? LocalDefaults.KAFKA_BOOTSTRAP_SERVERS : servers,
        s.intValue("partitions", 3),
        (short) s.intValue("replication-factor", 1));
  }
}
