package io.listening.webapp.recommendations;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What one warehouse build answers for one question (track, listener, recent tracks, limit). Its
 * JSON, less the closing brace, is the value the cache stores ({@link RecommendationAnswer}): the
 * fields of {@link RecommendationResponse} that do not change from one request to the next, in the
 * same order.
 *
 * @param userId the listener the answer is for, null for nobody in particular
 * @param recent the recent tracks the answer took into account, the latest first
 * @param buildId the warehouse build that computed it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
  "track_id", "track_name", "artist_name", "user_id", "recent", "build_id", "recommendations"
})
record RecommendationSet(
    String trackId,
    String trackName,
    String artistName,
    String userId,
    List<String> recent,
    String buildId,
    List<Recommendation> recommendations) {

  RecommendationSet {
    recent = List.copyOf(recent);
    recommendations = List.copyOf(recommendations);
  }
}
