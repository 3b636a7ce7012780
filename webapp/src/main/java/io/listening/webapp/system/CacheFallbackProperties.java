package io.listening.webapp.system;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The in-memory cache each cache falls back to while Redis is unavailable ({@link
 * RedisFallbackCache}).
 *
 * @param maxEntries entries kept per cache ({@code WEBAPP_CACHE_FALLBACK_MAX_ENTRIES}, default
 *     10000); the least used go first
 * @param ttl how long an entry lives ({@code WEBAPP_CACHE_FALLBACK_TTL}, default 10m)
 */
@Validated
@ConfigurationProperties("listening.cache-fallback")
record CacheFallbackProperties(@Min(0) long maxEntries, @NotNull Duration ttl) {}
