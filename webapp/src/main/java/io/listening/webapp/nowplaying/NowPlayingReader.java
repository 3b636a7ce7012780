package io.listening.webapp.nowplaying;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the compacted now-playing topic into {@link NowPlayingStates} on a daemon thread: every
 * partition, assigned (no consumer group, no committed offsets), from the beginning, since
 * compaction keeps each user's latest record and this app keeps its state only in memory. A
 * missing topic or an unreachable broker is retried every {@link #RETRY}; a record that is not a
 * playback state is skipped with a warning naming its partition and offset.
 */
@Component
class NowPlayingReader implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NowPlayingReader.class);
  private static final Duration POLL = Duration.ofMillis(500);
  static final Duration RETRY = Duration.ofSeconds(2);

  private final NowPlayingProperties properties;
  private final NowPlayingStates states;
  private final ObjectMapper json;

  private volatile boolean running;
  private volatile @Nullable KafkaConsumer<String, String> consumer;
  private @Nullable Thread thread;

  NowPlayingReader(NowPlayingProperties properties, NowPlayingStates states, ObjectMapper json) {
    this.properties = properties;
    this.states = states;
    this.json = json;
  }

  @Override
  public void start() {
    if (!properties.enabled()) {
      log.info("Now playing is off: no Kafka bootstrap servers are configured");
      return;
    }
    running = true;
    Thread reader = new Thread(this::run, "now-playing-reader");
    reader.setDaemon(true);
    reader.start();
    thread = reader;
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, String> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    Thread reader = thread;
    if (reader != null) {
      try {
        reader.join(RETRY.multipliedBy(3).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    String lastProblem = null;
    while (running) {
      try (KafkaConsumer<String, String> kafka = newConsumer()) {
        consumer = kafka;
        if (!running) {
          return; // stopped while the consumer was being created: no wakeup reached it
        }
        List<TopicPartition> partitions = partitions(kafka);
        if (partitions.isEmpty()) {
          String problem = "topic " + properties.topic() + " does not exist yet";
          if (!problem.equals(lastProblem)) {
            log.warn(
                "Now playing waits: {} on {}; checking again every {} s",
                problem,
                properties.bootstrapServers(),
                RETRY.toSeconds());
            lastProblem = problem;
          }
        } else {
          lastProblem = null;
          read(kafka, partitions);
        }
      } catch (WakeupException e) {
        return;
      } catch (KafkaException e) {
        String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!problem.equals(lastProblem)) {
          log.warn(
              "Reading now playing from {} failed, retrying every {} s: {}",
              properties.bootstrapServers(),
              RETRY.toSeconds(),
              problem);
          lastProblem = problem;
        }
      } finally {
        consumer = null;
      }
      pause();
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, String> kafka) {
    List<PartitionInfo> infos = kafka.partitionsFor(properties.topic(), properties.timeout());
    if (infos == null) {
      return List.of();
    }
    return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
  }

  private void read(KafkaConsumer<String, String> kafka, List<TopicPartition> partitions) {
    kafka.assign(partitions);
    kafka.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = new HashMap<>(kafka.endOffsets(partitions, properties.timeout()));
    long started = System.nanoTime();
    long records = 0;
    log.info(
        "Reading now playing from topic {} on {}: {} partitions from the beginning, {} records",
        properties.topic(),
        properties.bootstrapServers(),
        partitions.size(),
        end.values().stream().mapToLong(Long::longValue).sum());
    while (running) {
      for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
        apply(record);
        records++;
      }
      if (!states.caughtUp() && caughtUp(kafka, end)) {
        states.markCaughtUp();
        log.info(
            "Now playing caught up: {} users from {} records in {} ms",
            states.all().size(),
            records,
            (System.nanoTime() - started) / 1_000_000);
      }
    }
  }

  private static boolean caughtUp(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> end) {
    end.entrySet().removeIf(partition -> kafka.position(partition.getKey()) >= partition.getValue());
    return end.isEmpty();
  }

  private void apply(ConsumerRecord<String, String> record) {
    String userId = record.key();
    if (userId == null) {
      log.warn(
          "Skipping the now-playing record at partition {} offset {}: it has no key (the user id)",
          record.partition(),
          record.offset());
      return;
    }
    if (record.value() == null) {
      states.remove(userId);
      return;
    }
    try {
      PlaybackState state = json.readValue(record.value(), PlaybackState.class);
      if (state.observedAt() == null || state.status() == null) {
        throw new IllegalArgumentException("observed_at and status are required");
      }
      states.put(userId, state.forUser(userId));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      log.warn(
          "Skipping the now-playing record at partition {} offset {}: {}",
          record.partition(),
          record.offset(),
          e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private KafkaConsumer<String, String> newConsumer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "webapp-now-playing");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) properties.timeout().toMillis());
    config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) properties.timeout().toMillis());
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  private void pause() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
