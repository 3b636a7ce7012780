package io.listening.webapp.recommendations;

import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseBuild;
import io.listening.webapp.warehouse.WarehouseBuildChangedException;
import io.listening.webapp.warehouse.WarehouseUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Recommendations for a track: from the cache when this warehouse build already answered the same
 * question, otherwise from the warehouse, then cached. Every answer is counted as a hit or a miss
 * ({@code listening.recommendations.cache}, tag {@code result}).
 */
@Service
class RecommendationService {

  private static final Logger log = LoggerFactory.getLogger(RecommendationService.class);

  static final int MIN_LIMIT = 1;
  static final int MAX_LIMIT = 50;
  static final int DEFAULT_LIMIT = 10;

  static final String CACHE_METER = "listening.recommendations.cache";

  private final Warehouse warehouse;
  private final RecommendationRepository repository;
  private final Counter hits;
  private final Counter misses;

  RecommendationService(
      Warehouse warehouse, RecommendationRepository repository, MeterRegistry meters) {
    this.warehouse = warehouse;
    this.repository = repository;
    this.hits = cacheCounter(meters, CacheStatus.HIT);
    this.misses = cacheCounter(meters, CacheStatus.MISS);
  }

  /**
   * The best {@code query.limit()} recommendations; the controller has checked that the limit lies
   * in [{@link #MIN_LIMIT}, {@link #MAX_LIMIT}] and that the ids are well formed.
   *
   * @throws TrackNotFoundException if the current build does not know the track
   * @throws UserNotFoundException if the current build has no plays of the listener
   * @throws WarehouseUnavailableException if no build is published
   */
  RecommendationAnswer recommend(RecommendationQuery query) {
    long started = System.nanoTime();
    try {
      return recommend(warehouse.currentBuild(), query, started);
    } catch (WarehouseBuildChangedException e) {
      // dbt published between choosing the build and reading it; the new build is current now.
      return recommend(warehouse.currentBuild(), query, started);
    }
  }

  /**
   * The cache key names the build before anything is read, so a miss is computed from exactly that
   * build ({@link RecommendationRepository#find} refuses another): the answer's build id, the
   * cached entry and the numbers always belong to one build.
   */
  private RecommendationAnswer recommend(
      WarehouseBuild build, RecommendationQuery query, long started) {
    CacheLookup lookup = new CacheLookup();
    Optional<byte[]> found = repository.find(build, query, lookup);
    if (found.isPresent() && !RecommendationAnswer.isCachedForm(found.get())) {
      log.warn(
          "Replacing the unreadable cache entry for build {} and {}: it is not an answer",
          build.buildId(),
          query.cacheKey());
      found = repository.replace(build, query, lookup);
    }
    CacheStatus status = lookup.status();
    (status == CacheStatus.HIT ? hits : misses).increment();
    double queryTimeMs = (System.nanoTime() - started) / 1e6;
    return found
        .map(cached -> new RecommendationAnswer(cached, status, queryTimeMs))
        .orElseThrow(() -> new TrackNotFoundException(query.trackId()));
  }

  private static Counter cacheCounter(MeterRegistry meters, CacheStatus status) {
    return Counter.builder(CACHE_METER)
        .description("Recommendation answers, by whether the cache had them")
        .tag("result", status.value())
        .register(meters);
  }
}
