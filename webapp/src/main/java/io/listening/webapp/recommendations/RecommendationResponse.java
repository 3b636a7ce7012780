package io.listening.webapp.recommendations;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The API answer as clients read it; the OpenAPI document's schema of it. The server writes it as
 * bytes ({@link RecommendationAnswer}), never through this record; tests and the play-next panel
 * read those bytes into it.
 *
 * @param queryTimeMs milliseconds spent on the answer in this request: the cache read on a hit,
 *     the warehouse reads and the ranking on a miss
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
  "track_id",
  "track_name",
  "artist_name",
  "user_id",
  "recent",
  "build_id",
  "recommendations",
  "cache",
  "query_time_ms"
})
record RecommendationResponse(
    String trackId,
    String trackName,
    String artistName,
    @Schema(nullable = true, description = "null when the answer is for nobody in particular")
        @Nullable String userId,
    List<String> recent,
    String buildId,
    List<Recommendation> recommendations,
    CacheStatus cache,
    double queryTimeMs) {}
