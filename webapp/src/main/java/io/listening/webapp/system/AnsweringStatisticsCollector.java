package io.listening.webapp.system;

import org.springframework.data.redis.cache.CacheStatistics;
import org.springframework.data.redis.cache.CacheStatisticsCollector;

/**
 * Spring Data Redis's cache statistics (which Spring Boot publishes as the {@code cache.*} meters),
 * plus a signal that Redis answered. The cache writer records a get or a put here only after Redis
 * completed the command, so every such call means Redis is reachable.
 */
class AnsweringStatisticsCollector implements CacheStatisticsCollector {

  private final CacheStatisticsCollector statistics = CacheStatisticsCollector.create();
  private final Runnable redisAnswered;

  AnsweringStatisticsCollector(Runnable redisAnswered) {
    this.redisAnswered = redisAnswered;
  }

  @Override
  public void incGets(String cacheName) {
    statistics.incGets(cacheName);
    redisAnswered.run();
  }

  @Override
  public void incPuts(String cacheName) {
    statistics.incPuts(cacheName);
    redisAnswered.run();
  }

  @Override
  public void incHits(String cacheName) {
    statistics.incHits(cacheName);
  }

  @Override
  public void incMisses(String cacheName) {
    statistics.incMisses(cacheName);
  }

  @Override
  public void incDeletes(String cacheName) {
    statistics.incDeletes(cacheName);
  }

  @Override
  public void incDeletesBy(String cacheName, int value) {
    statistics.incDeletesBy(cacheName, value);
  }

  @Override
  public void incLockTime(String cacheName, long durationNS) {
    statistics.incLockTime(cacheName, durationNS);
  }

  @Override
  public void reset(String cacheName) {
    statistics.reset(cacheName);
  }

  @Override
  public CacheStatistics getCacheStatistics(String cacheName) {
    return statistics.getCacheStatistics(cacheName);
  }
}
