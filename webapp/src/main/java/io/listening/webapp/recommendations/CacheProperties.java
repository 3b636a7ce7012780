package io.listening.webapp.recommendations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Redis cache of recommendations, applied in {@link RecommendationCacheConfiguration}.
 * Connection settings are Spring's {@code spring.data.redis.*}.
 *
 * @param ttl how long an entry lives ({@code WEBAPP_CACHE_TTL}, default 10m)
 * @param keyPrefix prepended to every key ({@code WEBAPP_CACHE_KEY_PREFIX}), so several apps can
 *     share a Redis
 */
@Validated
@ConfigurationProperties("listening.cache")
record CacheProperties(@NotNull Duration ttl, @NotBlank String keyPrefix) {}
