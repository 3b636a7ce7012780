package io.listening.webapp.recommendations;

/**
 * Whether one cached lookup was a hit. {@code @Cacheable} runs the method only when the cache has
 * no entry, so the method marks the lookup computed and the caller reads the outcome afterwards.
 * The caller passes a fresh one per call; the cache key leaves it out.
 */
final class CacheLookup {

  private boolean computed;

  void computed() {
    computed = true;
  }

  CacheStatus status() {
    return computed ? CacheStatus.MISS : CacheStatus.HIT;
  }
}
