package io.listening.webapp.nowplaying;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listening.events.Topics;
import io.listening.webapp.GoldWarehouse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real broker (embedded KRaft, or one running elsewhere) with the now-playing topic as the poller
 * creates it: compacted, two partitions, keyed by user. Publishes records in the poller's format.
 */
public final class NowPlayingBroker implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedKafkaKraftBroker embedded;
  private final String bootstrapServers;
  private final KafkaProducer<String, String> producer;

  private NowPlayingBroker(EmbeddedKafkaKraftBroker embedded, String bootstrapServers) {
    this.embedded = embedded;
    this.bootstrapServers = bootstrapServers;
    this.producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringSerializer(),
            new StringSerializer());
  }

  /** An embedded broker of this test JVM, stopped by {@link #close()}. */
  public static NowPlayingBroker start() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
    broker.afterPropertiesSet();
    try {
      createTopic(broker.getBrokersAsString());
    } catch (RuntimeException e) {
      broker.destroy();
      throw e;
    }
    return new NowPlayingBroker(broker, broker.getBrokersAsString());
  }

  /** The topic on a broker running elsewhere, which {@link #close()} leaves running. */
  public static NowPlayingBroker on(String bootstrapServers) {
    createTopic(bootstrapServers);
    return new NowPlayingBroker(null, bootstrapServers);
  }

  private static void createTopic(String bootstrapServers) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(Topics.NOW_PLAYING, 2, (short) 1)
                      .configs(
                          Map.of(
                              TopicConfig.CLEANUP_POLICY_CONFIG,
                              TopicConfig.CLEANUP_POLICY_COMPACT))))
          .all()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("Creating the now-playing topic failed", e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** A record as the poller writes it for a track. */
  static Map<String, Object> track(
      String userId,
      String status,
      Instant observedAt,
      String trackName,
      String artistName,
      long progressMs,
      long durationMs) {
    return track(
        userId, status, observedAt, GoldWarehouse.NEVER_GONNA, trackName, artistName, progressMs,
        durationMs);
  }

  /** The poller's record of a track with the given Spotify id. */
  public static Map<String, Object> track(
      String userId,
      String status,
      Instant observedAt,
      String trackId,
      String trackName,
      String artistName,
      long progressMs,
      long durationMs) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("user_id", userId);
    record.put("observed_at", observedAt.toString());
    record.put("status", status);
    record.put("currently_playing_type", "track");
    record.put("track_id", trackId);
    record.put("track_name", trackName);
    record.put("artist_name", artistName);
    record.put("album_name", "Whenever You Need Somebody");
    record.put("duration_ms", durationMs);
    record.put("progress_ms", progressMs);
    record.put("context_uri", null);
    record.put("play_started_at", observedAt.minusMillis(progressMs).toString());
    record.put("listened_ms", progressMs);
    record.put("a_field_added_later", "ignored by readers");
    return record;
  }

  /** The poller's record when nothing plays. */
  static Map<String, Object> nothingPlaying(String userId, Instant observedAt) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("user_id", userId);
    record.put("observed_at", observedAt.toString());
    record.put("status", "nothing_playing");
    for (String field :
        List.of(
            "currently_playing_type", "track_id", "track_name", "artist_name", "album_name",
            "duration_ms", "progress_ms", "context_uri", "play_started_at", "listened_ms")) {
      record.put(field, null);
    }
    return record;
  }

  public void publish(String userId, Map<String, Object> record) {
    try {
      send(userId, JSON.writeValueAsString(record));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code value} as it is: malformed payloads and tombstones ({@code null}) too. */
  void send(String key, String value) {
    try {
      producer.send(new ProducerRecord<>(Topics.NOW_PLAYING, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("Publishing to " + Topics.NOW_PLAYING + " failed", e);
    }
  }

  @Override
  public void close() {
    producer.close();
    if (embedded != null) {
      embedded.destroy();
    }
  }
}
