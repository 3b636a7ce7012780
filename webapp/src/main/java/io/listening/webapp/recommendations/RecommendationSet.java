package io.listening.webapp.recommendations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** What the warehouse answers for one track and limit; this is the value the cache stores. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RecommendationSet(
    String trackId, String trackName, String artistName, List<Recommendation> recommendations) {

  RecommendationSet {
    recommendations = List.copyOf(recommendations);
  }
}
