package io.listening.webapp.nowplaying;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The now-playing reader and the Kafka health check.
 *
 * @param bootstrapServers the broker list ({@code WEBAPP_KAFKA_BOOTSTRAP_SERVERS}, else {@code
 *     KAFKA_BOOTSTRAP_SERVERS}); empty (the default) turns now playing and the Kafka health check off
 * @param topic the poller's compacted topic ({@code WEBAPP_NOW_PLAYING_TOPIC}, default {@code
 *     spotify-now-playing})
 * @param timeout how long the health check and one metadata request may take ({@code
 *     WEBAPP_KAFKA_TIMEOUT}, default 2s)
 */
@Validated
@ConfigurationProperties("listening.now-playing")
record NowPlayingProperties(String bootstrapServers, @NotBlank String topic, @NotNull Duration timeout) {

  boolean enabled() {
    return bootstrapServers != null && !bootstrapServers.isBlank();
  }
}
