package io.listening.pipelines.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads exactly the records of one {@link OffsetRange}. A plain bounded read: it seeks to the start
 * and polls until the consumer's position reaches the end, so transaction markers or compacted gaps
 * cannot make it wait forever, and it works the same on every runner.
 */
public final class ReadOffsetRangeFn extends DoFn<OffsetRange, KafkaMessage> {

  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

  private final String bootstrapServers;
  private final Duration stallTimeout;
  private final Counter recordsRead = Metrics.counter(ReadOffsetRangeFn.class, "records_read");

  public ReadOffsetRangeFn(String bootstrapServers, Duration stallTimeout) {
    this.bootstrapServers = bootstrapServers;
    this.stallTimeout = stallTimeout;
  }

  @ProcessElement
  public void processElement(@Element OffsetRange range, OutputReceiver<KafkaMessage> out) {
    if (range.isEmpty()) {
      return;
    }
    TopicPartition partition = new TopicPartition(range.topic(), range.partition());
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, range.startOffset());
      long lastProgress = System.nanoTime();
      while (consumer.position(partition) < range.endOffset()) {
        long before = consumer.position(partition);
        for (ConsumerRecord<String, String> record : consumer.poll(POLL_TIMEOUT)) {
          if (record.offset() >= range.startOffset() && record.offset() < range.endOffset()) {
            out.output(
                new KafkaMessage(
                    record.topic(), record.partition(), record.offset(), record.timestamp(),
                    record.key(), record.value()));
            recordsRead.inc();
          }
        }
        if (consumer.position(partition) > before) {
          lastProgress = System.nanoTime();
        } else if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(stallTimeout) > 0) {
          throw new IllegalStateException(
              "No progress reading " + range + " for " + stallTimeout.toSeconds()
                  + " s; position is " + consumer.position(partition));
        }
      }
    }
  }

  private KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.CLIENT_ID_CONFIG, "listening-kafka-to-lake"),
        new StringDeserializer(),
        new StringDeserializer());
  }
}
