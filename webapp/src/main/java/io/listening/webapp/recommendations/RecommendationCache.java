package io.listening.webapp.recommendations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Recommendation sets in Redis, as JSON, under keys that name the warehouse build, the track and
 * the limit. A new build therefore never reads entries of an older one; those expire with their
 * TTL.
 *
 * <p>Redis is an optimisation: when it fails, reads are misses and writes are skipped. The first
 * failure is logged as a warning and the recovery as info, not every request in between.
 */
@Component
class RecommendationCache {

  private static final Logger log = LoggerFactory.getLogger(RecommendationCache.class);

  private final StringRedisTemplate redis;
  private final ObjectMapper json;
  private final CacheProperties properties;
  private final AtomicBoolean redisAvailable = new AtomicBoolean(true);

  RecommendationCache(StringRedisTemplate redis, ObjectMapper json, CacheProperties properties) {
    this.redis = redis;
    this.json = json;
    this.properties = properties;
  }

  String key(String buildId, TrackId trackId, int limit) {
    return properties.keyPrefix() + buildId + ":" + trackId + ":" + limit;
  }

  Optional<RecommendationSet> get(String key) {
    String value;
    try {
      value = redis.opsForValue().get(key);
    } catch (DataAccessException e) {
      redisFailed(e);
      return Optional.empty();
    }
    redisAnswered();
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(value, RecommendationSet.class));
    } catch (JsonProcessingException e) {
      log.warn("Ignoring the unreadable cache entry {}: {}", key, e.getOriginalMessage());
      return Optional.empty();
    }
  }

  /**
   * Skipped while Redis is known to be down; the next {@link #get} finds out whether it is back.
   */
  void put(String key, RecommendationSet value) {
    if (!redisAvailable.get()) {
      return;
    }
    String serialized;
    try {
      serialized = json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Recommendations for " + key + " cannot be serialized", e);
    }
    try {
      redis.opsForValue().set(key, serialized, properties.ttl());
      redisAnswered();
    } catch (DataAccessException e) {
      redisFailed(e);
    }
  }

  private void redisFailed(DataAccessException e) {
    if (redisAvailable.compareAndSet(true, false)) {
      log.warn(
          "Redis is unavailable, serving recommendations without the cache until it answers again:"
              + " {}",
          NestedExceptionUtils.getMostSpecificCause(e).getMessage());
    }
  }

  private void redisAnswered() {
    if (redisAvailable.compareAndSet(false, true)) {
      log.info("Redis answers again, caching recommendations");
    }
  }
}
