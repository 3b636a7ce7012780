package io.listening.webapp.system;

import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Spring's cache abstraction on Redis ({@code spring.cache.type=redis}: Spring Boot builds the
 * {@code RedisCacheManager}). What holds for every cache lives here: a Redis failure is a miss
 * logged once ({@link RedisCacheErrorHandler}), and cache statistics are on. Each cache's own
 * settings (lifetime, key prefix, value type) live with its feature.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

  @Bean
  RedisCacheErrorHandler redisCacheErrorHandler() {
    return new RedisCacheErrorHandler();
  }

  @Bean
  CachingConfigurer redisFailuresAreMisses(RedisCacheErrorHandler errorHandler) {
    return new CachingConfigurer() {
      @Override
      public CacheErrorHandler errorHandler() {
        return errorHandler;
      }
    };
  }

  /**
   * The cache writer Spring Boot would build, non-locking, with statistics that also tell the error
   * handler when Redis answers again: an error handler only hears of failures.
   */
  @Bean
  RedisCacheManagerBuilderCustomizer statisticsThatNoticeRecovery(
      RedisConnectionFactory connectionFactory, RedisCacheErrorHandler errorHandler) {
    return builder ->
        builder.cacheWriter(
            RedisCacheWriter.nonLockingRedisCacheWriter(connectionFactory)
                .withStatisticsCollector(
                    new AnsweringStatisticsCollector(errorHandler::redisAnswered)));
  }
}
