package io.listening.pipelines.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads exactly the records of one {@link OffsetRange}. A plain bounded read: it seeks to the start
 * and polls until the consumer's position reaches the end, so transaction markers or compacted gaps
 * cannot make it wait forever, and it works the same on every runner. A broker that stops answering
 * fails the read after the stall timeout with a sentence that says so.
 */
public final class OffsetRangeReader {

  private static final Logger LOG = LoggerFactory.getLogger(OffsetRangeReader.class);
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
  /** Polled batches waiting for the sink: enough to ride out a slow write, little memory. */
  private static final int QUEUED_BATCHES = 4;

  private final String bootstrapServers;
  private final Duration stallTimeout;

  public OffsetRangeReader(String bootstrapServers, Duration stallTimeout) {
    this.bootstrapServers = bootstrapServers;
    this.stallTimeout = stallTimeout;
  }

  /**
   * Hands every record of {@code range}, in offset order, to {@code prepare} on a reading thread and
   * its result to {@code sink} on the calling thread. Polling and preparing (decoding, validating)
   * overlap with whatever the sink does (sorting, writing), so one range keeps two cores busy, as
   * KafkaIO's reader does with its own polling thread. A failure on either side ends both, and is
   * thrown here.
   */
  public <T> void read(OffsetRange range, Function<KafkaMessage, T> prepare, Consumer<T> sink) {
    if (range.isEmpty()) {
      return;
    }
    BlockingQueue<List<T>> batches = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    AtomicReference<RuntimeException> readFailure = new AtomicReference<>();
    AtomicBoolean abandoned = new AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              try {
                poll(range, prepare, batch -> offer(batches, batch, abandoned), abandoned);
              } catch (RuntimeException e) {
                readFailure.set(e);
              } finally {
                offer(batches, List.of(), abandoned);
              }
            },
            "kafka-reader-" + range);
    reader.setDaemon(true);
    reader.start();
    try {
      for (List<T> batch = take(batches); !batch.isEmpty(); batch = take(batches)) {
        batch.forEach(sink);
      }
      if (readFailure.get() != null) {
        throw readFailure.get();
      }
    } finally {
      abandoned.set(true);
      batches.clear();
      reader.interrupt();
    }
  }

  private <T> void poll(
      OffsetRange range,
      Function<KafkaMessage, T> prepare,
      Consumer<List<T>> batches,
      AtomicBoolean abandoned) {
    TopicPartition partition = new TopicPartition(range.topic(), range.partition());
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, range.startOffset());
      long started = System.nanoTime();
      long lastProgress = started;
      long lastReport = started;
      long read = 0;
      while (consumer.position(partition) < range.endOffset() && !abandoned.get()) {
        long before = consumer.position(partition);
        List<T> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(POLL_TIMEOUT)) {
          if (record.offset() >= range.startOffset() && record.offset() < range.endOffset()) {
            batch.add(
                prepare.apply(
                    new KafkaMessage(
                        record.topic(), record.partition(), record.offset(), record.timestamp(),
                        record.key(), record.value())));
            read++;
          }
        }
        if (!batch.isEmpty()) {
          batches.accept(batch);
        }
        long now = System.nanoTime();
        if (consumer.position(partition) > before) {
          lastProgress = now;
        } else if (now - lastProgress > stallTimeout.toNanos()) {
          throw new KafkaReadStalledException(
              String.format(
                  "Kafka at %s returned nothing of %s for %d s (at offset %d of %d); the broker may"
                      + " be down. Nothing was published; rerun the same window when it is back.",
                  bootstrapServers, range, stallTimeout.toSeconds(), consumer.position(partition),
                  range.endOffset()));
        }
        if (now - lastReport > PROGRESS_EVERY.toNanos()) {
          lastReport = now;
          LOG.info(
              "Read {} of {} records of {} ({}%), {} records/s.",
              read, range.size(), range, 100 * read / range.size(),
              Math.round(read / ((now - started) / 1e9)));
        }
      }
    }
  }

  /** Waits for room in the queue unless the calling side has given up. */
  private static <T> void offer(BlockingQueue<List<T>> queue, List<T> batch, AtomicBoolean abandoned) {
    try {
      while (!abandoned.get() && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        // The sink is still writing the batches before this one.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <T> List<T> take(BlockingQueue<List<T>> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading from Kafka", e);
    }
  }

  private KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
            ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 16,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.CLIENT_ID_CONFIG, "listening-kafka-to-lake"),
        new StringDeserializer(),
        new StringDeserializer());
  }

  /** The broker stopped answering in the middle of a range. */
  public static final class KafkaReadStalledException extends RuntimeException {
    KafkaReadStalledException(String message) {
      super(message);
    }
  }
}
