package io.listening.webapp.recommendations;

import io.listening.webapp.warehouse.Warehouse;
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
    String buildId = warehouse.currentBuild().buildId();
    String key = cache.key(buildId, trackId, limit);
    Optional<RecommendationSet> cached = cache.get(key);
    if (cached.isPresent()) {
      return RecommendationResponse.of(cached.get(), buildId, CacheStatus.HIT);
    }
    RecommendationSet computed =
        repository.find(trackId, limit).orElseThrow(() -> new TrackNotFoundException(trackId));
    cache.put(key, computed);
    return RecommendationResponse.of(computed, buildId, CacheStatus.MISS);
  }
}
