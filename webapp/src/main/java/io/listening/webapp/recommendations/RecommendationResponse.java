package io.listening.webapp.recommendations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The API answer: the cached or computed {@link RecommendationSet} plus where it came from and how
 * long this request took to get it. Built around the cached value, which is never modified.
 *
 * @param queryTimeMs milliseconds spent on the answer in this request: the cache read on a hit,
 *     the warehouse reads and the ranking on a miss
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RecommendationResponse(
    String trackId,
    String trackName,
    String artistName,
    String userId,
    List<String> recent,
    String buildId,
    CacheStatus cache,
    double queryTimeMs,
    List<Recommendation> recommendations) {

  static RecommendationResponse of(
      RecommendationSet set, String buildId, CacheStatus cache, double queryTimeMs) {
    return new RecommendationResponse(
        set.trackId(),
        set.trackName(),
        set.artistName(),
        set.userId(),
        set.recent(),
        buildId,
        cache,
        queryTimeMs,
        set.recommendations());
  }
}
