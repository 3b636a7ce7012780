package io.listening.pipelines.ingest;

import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real (embedded, KRaft) Kafka broker whose topics are set up as the platform's are: two
 * partitions each, stamped with the broker's append time, which the job's windows rely on.
 */
public final class TestKafka implements AutoCloseable {

  private final EmbeddedKafkaKraftBroker broker;

  private TestKafka(EmbeddedKafkaKraftBroker broker) {
    this.broker = broker;
  }

  public static TestKafka start(List<String> topics) throws Exception {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
    broker.afterPropertiesSet();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      admin
          .createTopics(
              topics.stream()
                  .map(
                      topic ->
                          new NewTopic(topic, 2, (short) 1)
                              .configs(Map.of("message.timestamp.type", "LogAppendTime")))
                  .toList())
          .all()
          .get();
    }
    return new TestKafka(broker);
  }

  public String bootstrapServers() {
    return broker.getBrokersAsString();
  }

  /** Sends each event to its topic, keyed by user, and each malformed payload to spotify-events. */
  public void send(List<PlayEvent> events, List<String> malformed) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20),
            new StringSerializer(),
            new StringSerializer())) {
      events.forEach(
          e -> producer.send(new ProducerRecord<>(e.topic(), e.userId(), PlayEventCodec.encode(e))));
      malformed.forEach(m -> producer.send(new ProducerRecord<>("spotify-events", "x", m)));
      producer.flush();
    }
  }

  @Override
  public void close() {
    broker.destroy();
  }
}
