package io.listening.webapp.recommendations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recommendations for a listener: what to play after the track on their player, else after their
 * latest play ({@link ListenerRecommendations}). Validated as {@link RecommendationController}
 * is, by Spring MVC's method validation.
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "recommendations", description = "Tracks listened to next to a given track")
class ListenerRecommendationController {

  private final ListenerRecommendations recommendations;
  private final ObjectMapper json;

  ListenerRecommendationController(ListenerRecommendations recommendations, ObjectMapper json) {
    this.recommendations = recommendations;
    this.json = json;
  }

  @GetMapping(path = "/{userId}/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Tracks to play next for a listener",
      description =
          "The seed is the track on the listener's player now (the now-playing topic), else their"
              + " latest play in the warehouse; the recent tracks are their latest plays before"
              + " it. The answer is the track endpoint's for that seed, plus the seed and why it"
              + " was chosen.")
  @ApiResponse(
      responseCode = "200",
      description = "Recommendations, best first",
      content = @Content(schema = @Schema(implementation = ListenerRecommendationResponse.class)),
      headers =
          @Header(
              name = RecommendationController.CACHE_HEADER,
              description = "hit if the answer came from the cache, miss if it was computed"))
  @ApiResponse(
      responseCode = "400",
      description = "Malformed user id, or limit out of range",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "Nothing plays for the user and the warehouse has no plays of theirs",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "503",
      description = "No warehouse build is published yet",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<byte[]> recommend(
      @Parameter(description = "The listener: " + UserIds.RULE)
          @PathVariable
          @Pattern(regexp = UserIds.PATTERN, message = RecommendationController.USER_ID_RULE)
          String userId,
      @Parameter(description = "How many recommendations")
          @RequestParam(defaultValue = "" + RecommendationService.DEFAULT_LIMIT)
          @Min(value = RecommendationService.MIN_LIMIT, message = RecommendationController.LIMIT_RULE)
          @Max(value = RecommendationService.MAX_LIMIT, message = RecommendationController.LIMIT_RULE)
          int limit) {
    ListenerRecommendations.Answer answer = recommendations.recommend(userId, limit);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(RecommendationController.CACHE_HEADER, answer.recommendations().cache().value())
        .body(answer.recommendations().json(seedField(answer.seed())));
  }

  private byte[] seedField(Seed seed) {
    ByteArrayOutputStream field = new ByteArrayOutputStream();
    field.writeBytes("\"seed\":".getBytes(StandardCharsets.US_ASCII));
    try {
      field.writeBytes(json.writeValueAsBytes(seed));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A seed could not be written as JSON", e);
    }
    return field.toByteArray();
  }
}
