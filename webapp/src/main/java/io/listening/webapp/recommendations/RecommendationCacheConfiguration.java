package io.listening.webapp.recommendations;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.serializer.Jackson2JsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * The recommendation cache, in one place: entries live {@code listening.cache.ttl}, their keys are
 * {@code listening.cache.key-prefix} followed by the key {@link RecommendationRepository#find}
 * computes ({@code <build id>:<track id>:<limit>}), and their values are {@link RecommendationSet}
 * as JSON, so an entry reads the same whatever Java classes wrote it. Unknown tracks are not
 * cached.
 */
@Configuration(proxyBeanMethods = false)
class RecommendationCacheConfiguration {

  static final String CACHE = "recommendations";

  @Bean
  RedisCacheManagerBuilderCustomizer recommendationCache(
      CacheProperties properties, ObjectMapper json) {
    RedisCacheConfiguration recommendations =
        RedisCacheConfiguration.defaultCacheConfig()
            .entryTtl(properties.ttl())
            .computePrefixWith(cacheName -> properties.keyPrefix())
            .serializeValuesWith(
                SerializationPair.fromSerializer(
                    new Jackson2JsonRedisSerializer<>(json, RecommendationSet.class)))
            .disableCachingNullValues();
    return builder -> builder.withCacheConfiguration(CACHE, recommendations);
  }
}
