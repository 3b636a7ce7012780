package io.listening.poller.kafka;

import io.listening.events.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that Kafka answers and creates the platform's topics if they are missing. Every command
 * that publishes calls this first, so a stopped broker is one sentence after {@link
 * KafkaConfig#timeout()}, not a minute of retries.
 *
 * <p>Topics use broker arrival time as record timestamp ({@code LogAppendTime}): timestamps then
 * grow with offsets in every partition, which is what lets the batch pipeline turn a time window into
 * an exact, repeatable offset range.
 */
public final class TopicSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
  private static final Duration LEADER_POLL = Duration.ofMillis(100);

  private TopicSetup() {}

  /**
   * @throws KafkaUnavailableException when no broker answers within the configured timeout
   */
  public static void ensureTopics(KafkaConfig config) {
    long deadline = System.nanoTime() + config.timeout().toNanos();
    try (Admin admin = connect(config)) {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(millis(config.timeout())))
          .nodes()
          .get();
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing =
          Topics.ALL.stream()
              .filter(topic -> !existing.contains(topic))
              .map(
                  topic ->
                      new NewTopic(topic, config.partitions(), config.replicationFactor())
                          .configs(
                              Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
      }
      awaitLeaders(admin, config, deadline);
      LOG.info(
          "Topics ready on {}: {} created, {} already present.",
          config.bootstrapServers(),
          missing.size(),
          Topics.ALL.size() - missing.size());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw KafkaUnavailableException.notAnswering(
            config.bootstrapServers(), config.timeout(), e);
      }
      throw new IllegalStateException(
          "Could not create topics on " + config.bootstrapServers() + ": " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    }
  }

  private static Admin connect(KafkaConfig config) {
    int timeout = millis(config.timeout());
    try {
      return Admin.create(
          Map.of(
              AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
              AdminClientConfig.CLIENT_ID_CONFIG, "listening-poller-setup",
              AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
              AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout));
    } catch (KafkaException e) {
      // For example no bootstrap address resolves: as unreachable as a stopped broker.
      throw KafkaUnavailableException.unreachable(config.bootstrapServers(), e);
    }
  }

  /**
   * A topic just created has no partition leader for a moment; a producer sending then gets
   * NOT_LEADER_OR_FOLLOWER and, with idempotence, can end up expiring its batches. So wait until
   * every partition has a leader.
   */
  private static void awaitLeaders(Admin admin, KafkaConfig config, long deadline)
      throws InterruptedException, ExecutionException {
    while (true) {
      Collection<TopicDescription> topics =
          admin.describeTopics(Topics.ALL).allTopicNames().get().values();
      long leaderless =
          topics.stream()
              .flatMap(topic -> topic.partitions().stream())
              .filter(TopicSetup::hasNoLeader)
              .count();
      if (leaderless == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw KafkaUnavailableException.notAnswering(
            config.bootstrapServers(),
            config.timeout(),
            new TimeoutException(leaderless + " partitions still have no leader"));
      }
      TimeUnit.MILLISECONDS.sleep(LEADER_POLL.toMillis());
    }
  }

  private static boolean hasNoLeader(TopicPartitionInfo partition) {
    return partition.leader() == null || partition.leader().isEmpty();
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }
}
