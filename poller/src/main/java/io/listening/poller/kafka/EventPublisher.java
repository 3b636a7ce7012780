package io.listening.poller.kafka;

import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to their topic, keyed by user so one listener's events stay in order on one
 * partition. Sends are asynchronous; {@link #close()} flushes and fails if any send failed.
 */
public final class EventPublisher implements AutoCloseable {

  private final Producer<String, String> producer;
  private final Clock clock;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

  public EventPublisher(Producer<String, String> producer, Clock clock) {
    this.producer = producer;
    this.clock = clock;
  }

  public static EventPublisher connect(KafkaConfig config) {
    Map<String, Object> properties =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.LINGER_MS_CONFIG, 20,
            ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            ProducerConfig.CLIENT_ID_CONFIG, "listening-poller");
    return new EventPublisher(
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer()),
        Clock.systemUTC());
  }

  /** Stamps the event with its ingestion time and sends it to its topic. */
  public void publish(PlayEvent event) {
    PlayEvent stamped = event.withIngestedAt(clock.instant());
    send(stamped.topic(), stamped.userId(), PlayEventCodec.encode(stamped));
  }

  /** Sends a raw payload, as received from a source that could not be parsed. */
  public void publishRaw(String topic, String key, String payload) {
    send(topic, key, payload);
  }

  private void send(String topic, String key, String payload) {
    rethrowFailure();
    producer.send(
        new ProducerRecord<>(topic, key, payload),
        (metadata, exception) -> {
          if (exception != null) {
            firstFailure.compareAndSet(null, exception);
          } else {
            acknowledged.incrementAndGet();
          }
        });
  }

  public long acknowledged() {
    return acknowledged.get();
  }

  public void flush() {
    producer.flush();
    rethrowFailure();
  }

  @Override
  public void close() {
    try {
      flush();
    } finally {
      producer.close();
    }
  }

  private void rethrowFailure() {
    Exception failure = firstFailure.get();
    if (failure != null) {
      throw new IllegalStateException("Publishing to Kafka failed: " + failure.getMessage(), failure);
    }
  }
}
