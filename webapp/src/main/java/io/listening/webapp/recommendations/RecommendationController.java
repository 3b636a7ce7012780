package io.listening.webapp.recommendations;

import io.listening.webapp.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/recommendations")
@Tag(name = "recommendations", description = "Tracks listened to next to a given track")
class RecommendationController {

  private final RecommendationService recommendations;

  RecommendationController(RecommendationService recommendations) {
    this.recommendations = recommendations;
  }

  @GetMapping("/{trackId}")
  @Operation(summary = "Tracks most often played right before or after the given track")
  @ApiResponse(responseCode = "200", description = "Recommendations, best first")
  @ApiResponse(
      responseCode = "400",
      description = "Malformed track id or limit out of range",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "The track is not in the warehouse",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "503",
      description = "No warehouse build is published yet",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  RecommendationResponse recommend(
      @Parameter(description = "Spotify id (22 base62 characters) or derived-<32 hex>")
          @PathVariable
          String trackId,
      @Parameter(description = "How many recommendations, 1 to 50")
          @RequestParam(defaultValue = "" + RecommendationService.DEFAULT_LIMIT)
          int limit) {
    if (limit < RecommendationService.MIN_LIMIT || limit > RecommendationService.MAX_LIMIT) {
      throw new InvalidRequestException(
          "limit must be between "
              + RecommendationService.MIN_LIMIT
              + " and "
              + RecommendationService.MAX_LIMIT);
    }
    return recommendations.recommend(new TrackId(trackId), limit);
  }
}
