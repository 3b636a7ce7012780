package io.listening.webapp.system;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * Redis is an optimisation: when it fails, a cache read is a miss (the value is computed) and a
 * cache write is dropped, never an error for the client. The first failure is logged as a warning
 * and the recovery, reported by {@link #redisAnswered}, as info; the requests in between log
 * nothing. An entry that cannot be read (written by an older version, say) is a miss too and is
 * overwritten by the computed value. Any other error is a bug and propagates.
 */
class RedisCacheErrorHandler implements CacheErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(RedisCacheErrorHandler.class);

  private final AtomicBoolean redisAvailable = new AtomicBoolean(true);
  private final List<Runnable> recoveryListeners = new CopyOnWriteArrayList<>();

  /** Runs {@code listener} each time Redis answers again after a failure. */
  void onRecovery(Runnable listener) {
    recoveryListeners.add(listener);
  }

  @Override
  public void handleCacheGetError(RuntimeException exception, Cache cache, Object key) {
    if (exception instanceof SerializationException) {
      log.warn(
          "Ignoring the unreadable entry {} of cache {}: {}",
          key,
          cache.getName(),
          NestedExceptionUtils.getMostSpecificCause(exception).getMessage());
      return;
    }
    redisFailed(exception);
  }

  @Override
  public void handleCachePutError(
      RuntimeException exception, Cache cache, Object key, @Nullable Object value) {
    redisFailed(exception);
  }

  @Override
  public void handleCacheEvictError(RuntimeException exception, Cache cache, Object key) {
    redisFailed(exception);
  }

  @Override
  public void handleCacheClearError(RuntimeException exception, Cache cache) {
    redisFailed(exception);
  }

  /** Called after every command Redis completed; logs only the first one after a failure. */
  void redisAnswered() {
    if (!redisAvailable.get() && redisAvailable.compareAndSet(false, true)) {
      log.info("Redis answers again, caching resumes");
      recoveryListeners.forEach(Runnable::run);
    }
  }

  private void redisFailed(RuntimeException exception) {
    if (!(exception instanceof DataAccessException)) {
      throw exception;
    }
    if (redisAvailable.compareAndSet(true, false)) {
      log.warn(
          "Redis is unavailable, serving without the cache until it answers again: {}",
          NestedExceptionUtils.getMostSpecificCause(exception).getMessage());
    }
  }
}
