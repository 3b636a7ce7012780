package io.listening.webapp.recommendations;

import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * The recommendation cache, in one place: entries live {@code listening.cache.ttl}, their keys are
 * {@code listening.cache.key-prefix} and {@link #VALUE_FORM} followed by the key {@link RecommendationRepository#find}
 * computes ({@code <build id>:<track id>:<user id>:<recent>:<limit>}), and their values are the
 * bytes of the answer ({@link RecommendationAnswer}), stored and read as they are. Unknown tracks
 * are not cached.
 */
@Configuration(proxyBeanMethods = false)
class RecommendationCacheConfiguration {

  static final String CACHE = "recommendations";

  /**
   * Follows the key prefix, naming the form of the values, so that entries an older version wrote
   * in another form are never read as this one's. Change it when {@link RecommendationSet}'s JSON
   * changes.
   */
  static final String VALUE_FORM = "answer-bytes-1:";

  @Bean
  RedisCacheManagerBuilderCustomizer recommendationCache(CacheProperties properties) {
    RedisCacheConfiguration recommendations =
        RedisCacheConfiguration.defaultCacheConfig()
            .entryTtl(properties.ttl())
            .computePrefixWith(cacheName -> properties.keyPrefix() + VALUE_FORM)
            .serializeValuesWith(SerializationPair.byteArray())
            .disableCachingNullValues();
    return builder -> builder.withCacheConfiguration(CACHE, recommendations);
  }
}
