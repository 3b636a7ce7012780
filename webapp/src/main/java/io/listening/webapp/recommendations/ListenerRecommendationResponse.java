package io.listening.webapp.recommendations;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /api/users/{userId}/recommendations} answers: a {@link RecommendationResponse}
 * for the chosen seed plus the {@code seed} itself. The OpenAPI document's schema of it; the
 * server writes the bytes ({@link RecommendationAnswer#json(byte[])}).
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
  "seed",
  "cache",
  "query_time_ms"
})
record ListenerRecommendationResponse(
    String trackId,
    String trackName,
    String artistName,
    @Schema(
            nullable = true,
            description = "null when the warehouse has no plays of the listener yet (seed.personal"
                + " is false)")
        @Nullable String userId,
    List<String> recent,
    String buildId,
    List<Recommendation> recommendations,
    Seed seed,
    CacheStatus cache,
    double queryTimeMs) {}
