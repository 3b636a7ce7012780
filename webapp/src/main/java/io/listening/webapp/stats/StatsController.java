package io.listening.webapp.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/stats")
@Tag(name = "stats", description = "Listening statistics from the gold warehouse")
class StatsController {

  private final StatsService stats;

  StatsController(StatsService stats) {
    this.stats = stats;
  }

  @GetMapping("/totals")
  @Operation(summary = "All-time listening totals (gold.listening_totals)")
  @ApiResponse(responseCode = "200", description = "The totals of the published build")
  @ApiResponse(
      responseCode = "503",
      description = "No warehouse build is published yet, or it cannot be read",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ListeningTotals totals() {
    return stats.totals();
  }
}
