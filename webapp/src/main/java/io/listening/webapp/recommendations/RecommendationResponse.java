package io.listening.webapp.recommendations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The API answer: the cached or computed {@link RecommendationSet} plus where it came from. Built
 * around the cached value, which is never modified.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RecommendationResponse(
    String trackId,
    String trackName,
    String artistName,
    String buildId,
    CacheStatus cache,
    List<Recommendation> recommendations) {

  static RecommendationResponse of(RecommendationSet set, String buildId, CacheStatus cache) {
    return new RecommendationResponse(
        set.trackId(), set.trackName(), set.artistName(), buildId, cache, set.recommendations());
  }
}
