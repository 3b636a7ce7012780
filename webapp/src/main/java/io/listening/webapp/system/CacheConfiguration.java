package io.listening.webapp.system;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.CacheOperationInvocationContext;
import org.springframework.cache.interceptor.CacheResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Spring's cache abstraction on Redis ({@code spring.cache.type=redis}: Spring Boot builds the
 * {@code RedisCacheManager}). What holds for every cache lives here: a Redis failure is a miss
 * logged once ({@link RedisCacheErrorHandler}) and served from a bounded in-memory cache until
 * Redis answers again ({@link RedisFallbackCache}), and cache statistics are on. Each cache's own
 * settings (lifetime, key prefix, value type) live with its feature.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

  @Bean
  RedisCacheErrorHandler redisCacheErrorHandler() {
    return new RedisCacheErrorHandler();
  }

  /**
   * Cached methods see each Redis cache through a {@link RedisFallbackCache}; the cache manager
   * bean stays Spring Boot's, which the admin endpoint clears directly.
   */
  @Bean
  CachingConfigurer redisFailuresFallBackToMemory(
      RedisCacheErrorHandler errorHandler,
      ObjectProvider<CacheManager> cacheManager,
      CacheFallbackProperties fallback) {
    Map<String, RedisFallbackCache> caches = new ConcurrentHashMap<>();
    errorHandler.onRecovery(() -> caches.values().forEach(RedisFallbackCache::dropFallback));
    // Resolved once per set of names: the resolver runs on every cached call, the hit path's too.
    Map<Set<String>, List<Cache>> resolved = new ConcurrentHashMap<>();
    CacheResolver resolver =
        (CacheOperationInvocationContext<?> context) ->
            resolved.computeIfAbsent(
                context.getOperation().getCacheNames(),
                names ->
                    names.stream()
                        .map(
                            name ->
                                (Cache)
                                    caches.computeIfAbsent(
                                        name,
                                        cacheName ->
                                            new RedisFallbackCache(
                                                requireCache(cacheManager.getObject(), cacheName),
                                                fallback,
                                                errorHandler)))
                        .toList());
    return new CachingConfigurer() {
      @Override
      public CacheErrorHandler errorHandler() {
        return errorHandler;
      }

      @Override
      public CacheResolver cacheResolver() {
        return resolver;
      }
    };
  }

  private static Cache requireCache(CacheManager manager, String name) {
    Cache cache = manager.getCache(name);
    if (cache == null) {
      throw new IllegalStateException("No cache named " + name + " in " + manager.getCacheNames());
    }
    return cache;
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
