package io.listening.poller.spotify.playback;

import io.listening.events.Topics;
import io.listening.poller.kafka.KafkaConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the now-playing topic if it is missing. It is compacted: the web app only needs each
 * user's latest record, and compaction keeps exactly that however long the poller runs.
 */
final class NowPlayingTopic {

  static final String NAME = Topics.NOW_PLAYING;
  private static final Logger LOG = LoggerFactory.getLogger(NowPlayingTopic.class);

  private NowPlayingTopic() {}

  static void ensure(KafkaConfig config) {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
      if (admin.listTopics().names().get().contains(NAME)) {
        return;
      }
      NewTopic topic =
          new NewTopic(NAME, config.partitions(), config.replicationFactor())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(topic)).all().get();
      LOG.info("Created the compacted topic {} on {}.", NAME, config.bootstrapServers());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return;
      }
      throw new IllegalStateException(
          "Could not create topic "
              + NAME
              + " on "
              + config.bootstrapServers()
              + ": "
              + e.getCause(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topic " + NAME, e);
    }
  }
}
