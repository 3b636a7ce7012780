package io.listening.webapp.recommendations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What the warehouse answers for one question (track, listener, recent tracks, limit); this is
 * the value the cache stores.
 *
 * @param userId the listener the answer is for, null for nobody in particular
 * @param recent the recent tracks the answer took into account, the latest first
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RecommendationSet(
    String trackId,
    String trackName,
    String artistName,
    String userId,
    List<String> recent,
    List<Recommendation> recommendations) {

  RecommendationSet {
    recent = List.copyOf(recent);
    recommendations = List.copyOf(recommendations);
  }
}
