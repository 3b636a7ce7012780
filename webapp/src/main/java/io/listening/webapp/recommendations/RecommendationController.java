package io.listening.webapp.recommendations;

import io.listening.events.TrackIds;
import io.listening.events.UserIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recommendation API. Parameters are checked by Spring MVC's own method validation, which
 * reports a broken constraint as a 400 problem detail naming the parameter and the rule. There is
 * deliberately no class-level {@code @Validated}: it would move validation into an AOP proxy whose
 * {@code ConstraintViolationException} Spring MVC does not map to 400.
 */
@RestController
@RequestMapping("/api/recommendations")
@Tag(name = "recommendations", description = "Tracks listened to next to a given track")
class RecommendationController {

  static final String CACHE_HEADER = "X-Cache";

  static final String LIMIT_RULE =
      "must be between "
          + RecommendationService.MIN_LIMIT
          + " and "
          + RecommendationService.MAX_LIMIT;

  /** A user id as the event contract defines it, the rule the poller and the importers apply. */
  static final String USER_ID_RULE = "must be " + UserIds.RULE;

  private final RecommendationService recommendations;

  RecommendationController(RecommendationService recommendations) {
    this.recommendations = recommendations;
  }

  @GetMapping(path = "/{trackId}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Tracks to play after the given one, for a listener and what they just played",
      description =
          "Ranked by the served model (recommender/README.md): the listener's own transitions,"
              + " everyone's, co-occurrence, replays of the recent tracks, familiarity and artist"
              + " affinity. Each track carries its score components and a reason. Without evidence"
              + " the answer falls back to the seed artist's popular tracks, then everyone's.")
  @ApiResponse(
      responseCode = "200",
      description = "Recommendations, best first",
      content = @Content(schema = @Schema(implementation = RecommendationResponse.class)),
      headers =
          @Header(
              name = CACHE_HEADER,
              description = "hit if the answer came from the cache, miss if it was computed"))
  @ApiResponse(
      responseCode = "400",
      description = "Malformed track id, user id or recent tracks, or limit out of range",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "The track is not in the warehouse, or the user has no plays there",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "503",
      description = "No warehouse build is published yet",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<byte[]> recommend(
      @Parameter(description = "The track: " + TrackIds.RULE) @PathVariable @ValidTrackId
          String trackId,
      @Parameter(description = "How many recommendations")
          @RequestParam(defaultValue = "" + RecommendationService.DEFAULT_LIMIT)
          @Min(value = RecommendationService.MIN_LIMIT, message = LIMIT_RULE)
          @Max(value = RecommendationService.MAX_LIMIT, message = LIMIT_RULE)
          int limit,
      @Parameter(description = "The listener; without it the answer is the same for everyone")
          @RequestParam(required = false)
          @Pattern(regexp = UserIds.PATTERN, message = USER_ID_RULE)
          String userId,
      @Parameter(
              description =
                  "Tracks played just before the seed, the latest first, comma-separated (at most "
                      + RecentTracks.MAX
                      + ")")
          @RequestParam(required = false)
          @ValidRecentTracks
          String recent) {
    RecommendationAnswer answer =
        recommendations.recommend(
            new RecommendationQuery(
                new TrackId(trackId), userId, RecentTracks.parse(recent), limit));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(CACHE_HEADER, answer.cache().value())
        .body(answer.json());
  }
}
