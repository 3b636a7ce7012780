package io.listening.webapp.recommendations;

import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseBuild;
import io.listening.webapp.warehouse.WarehouseBuildChangedException;
import io.listening.webapp.warehouse.WarehouseUnavailableException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Recommendations for a track: from the cache when this warehouse build already answered the same
 * question, otherwise from the warehouse, then cached.
 */
@Service
class RecommendationService {

  static final int MIN_LIMIT = 1;
  static final int MAX_LIMIT = 50;
  static final int DEFAULT_LIMIT = 10;

  private final Warehouse warehouse;
  private final RecommendationRepository repository;
  private final RecommendationCache cache;

  RecommendationService(
      Warehouse warehouse, RecommendationRepository repository, RecommendationCache cache) {
    this.warehouse = warehouse;
    this.repository = repository;
    this.cache = cache;
  }

  /**
   * The best {@code limit} recommendations for {@code trackId}; the controller has checked that
   * {@code limit} lies in [{@link #MIN_LIMIT}, {@link #MAX_LIMIT}].
   *
   * @throws TrackNotFoundException if the current build does not know the track
   * @throws WarehouseUnavailableException if no build is published
   */
  RecommendationResponse recommend(TrackId trackId, int limit) {
    try {
      return recommend(warehouse.currentBuild(), trackId, limit);
    } catch (WarehouseBuildChangedException e) {
      // dbt published between choosing the build and reading it; the new build is current now.
      return recommend(warehouse.currentBuild(), trackId, limit);
    }
  }

  /**
   * The cache key names the build before anything is read, so a miss is computed from exactly that
   * build ({@link RecommendationRepository#find} refuses another): the answer's build id, the
   * cached entry and the numbers always belong to one build.
   */
  private RecommendationResponse recommend(WarehouseBuild build, TrackId trackId, int limit) {
    String key = cache.key(build.buildId(), trackId, limit);
    Optional<RecommendationSet> cached = cache.get(key);
    if (cached.isPresent()) {
      return RecommendationResponse.of(cached.get(), build.buildId(), CacheStatus.HIT);
    }
    RecommendationSet computed =
        repository
            .find(build, trackId, limit)
            .orElseThrow(() -> new TrackNotFoundException(trackId));
    cache.put(key, computed);
    return RecommendationResponse.of(computed, build.buildId(), CacheStatus.MISS);
  }
}
