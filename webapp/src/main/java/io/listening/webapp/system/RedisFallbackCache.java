package io.listening.webapp.system;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * A Redis cache that, while Redis fails, reads and writes a bounded in-memory cache instead, so an
 * outage costs one computation per key rather than one per request. Failures go to {@link
 * RedisCacheErrorHandler}, which logs the first one and rethrows anything that is not a Redis
 * failure. The in-memory entries are dropped when Redis answers again ({@link #dropFallback}):
 * from then on Redis alone holds the cache, so clearing it (an admin action) clears everything.
 */
final class RedisFallbackCache implements Cache {

  private final Cache redis;
  private final com.github.benmanes.caffeine.cache.Cache<Object, Object> fallback;
  private final RedisCacheErrorHandler errors;

  RedisFallbackCache(Cache redis, CacheFallbackProperties properties, RedisCacheErrorHandler errors) {
    this.redis = redis;
    this.fallback =
        Caffeine.newBuilder()
            .maximumSize(properties.maxEntries())
            .expireAfterWrite(properties.ttl())
            .build();
    this.errors = errors;
  }

  void dropFallback() {
    fallback.invalidateAll();
  }

  @Override
  public String getName() {
    return redis.getName();
  }

  @Override
  public Object getNativeCache() {
    return redis.getNativeCache();
  }

  @Override
  public @Nullable ValueWrapper get(Object key) {
    try {
      return redis.get(key);
    } catch (RuntimeException e) {
      errors.handleCacheGetError(e, redis, key);
      if (e instanceof SerializationException) {
        return null; // an unreadable entry is a miss; the computed value replaces it
      }
      Object value = fallback.getIfPresent(key);
      return value == null ? null : new SimpleValueWrapper(value);
    }
  }

  @Override
  public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
    ValueWrapper value = get(key);
    if (value == null || value.get() == null) {
      return null;
    }
    if (type != null && !type.isInstance(value.get())) {
      throw new IllegalStateException(
          "Cached value of " + key + " is not of required type " + type.getName());
    }
    @SuppressWarnings("unchecked")
    T typed = (T) value.get();
    return typed;
  }

  @Override
  public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
    ValueWrapper cached = get(key);
    if (cached != null) {
      @SuppressWarnings("unchecked")
      T value = (T) cached.get();
      return value;
    }
    T value;
    try {
      value = valueLoader.call();
    } catch (Exception e) {
      throw new ValueRetrievalException(key, valueLoader, e);
    }
    put(key, value);
    return value;
  }

  @Override
  public void put(Object key, @Nullable Object value) {
    try {
      redis.put(key, value);
    } catch (RuntimeException e) {
      errors.handleCachePutError(e, redis, key, value);
      if (value != null) {
        fallback.put(key, value);
      }
    }
  }

  @Override
  public void evict(Object key) {
    fallback.invalidate(key);
    redis.evict(key);
  }

  @Override
  public boolean evictIfPresent(Object key) {
    fallback.invalidate(key);
    return redis.evictIfPresent(key);
  }

  @Override
  public void clear() {
    fallback.invalidateAll();
    redis.clear();
  }

  @Override
  public boolean invalidate() {
    fallback.invalidateAll();
    return redis.invalidate();
  }
}
