package io.listening.poller.kafka;

import io.listening.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the platform's topics if they are missing.
 *
 * <p>Topics use broker arrival time as record timestamp ({@code LogAppendTime}): timestamps then
 * grow with offsets in every partition, which is what lets the batch pipeline turn a time window into
 * an exact, repeatable offset range.
 */
public final class TopicSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

  private TopicSetup() {}

  public static void ensureTopics(KafkaConfig config) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
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
      LOG.info(
          "Topics ready on {}: {} created, {} already present.",
          config.bootstrapServers(),
          missing.size(),
          Topics.ALL.size() - missing.size());
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Could not create topics on " + config.bootstrapServers() + ": " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    }
  }
}
