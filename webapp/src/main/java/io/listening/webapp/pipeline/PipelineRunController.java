package io.listening.webapp.pipeline;

import io.listening.webapp.admin.AdminApiKey;
import io.listening.webapp.system.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts a pipeline run (an admin action: the API key, and never a GET) and answers the latest
 * run's status.
 */
@RestController
@RequestMapping(PipelineRunController.PATH)
@Tag(name = "admin")
class PipelineRunController {

  static final String PATH = "/api/admin/pipeline-runs";
  static final String LATEST = PATH + "/latest";

  private final AdminApiKey apiKey;
  private final PipelineRuns runs;

  PipelineRunController(AdminApiKey apiKey, PipelineRuns runs) {
    this.apiKey = apiKey;
    this.runs = runs;
  }

  @PostMapping
  @Operation(
      summary = "Starts a pipeline run",
      description =
          "Runs the configured command (WEBAPP_PIPELINE_COMMAND; ops/pipeline-run.sh runs the Beam"
              + " job on the window since the last run, then the dbt build) in the background. One"
              + " run at a time; follow it at " + LATEST + ".")
  @ApiResponse(
      responseCode = "202",
      description = "The run started; Location is where its status is read",
      content = @Content(schema = @Schema(implementation = PipelineRun.class)))
  @ApiResponse(
      responseCode = "401",
      description = "No API key in " + AdminApiKey.HEADER,
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "403",
      description = "Wrong API key, or admin actions are off (no key configured)",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "409",
      description = "A run is running; nothing was started",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "503",
      description = "No pipeline command is configured; nothing was started",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<PipelineRun> start(
      @Parameter(description = "The admin API key")
          @RequestHeader(name = AdminApiKey.HEADER, required = false)
          @Nullable String key) {
    apiKey.check(key);
    PipelineRun run = runs.start("on an admin API request");
    return ResponseEntity.accepted().location(URI.create(LATEST)).body(run);
  }

  @GetMapping("/latest")
  @Operation(
      summary = "The latest pipeline run's status",
      description =
          "Running, or its outcome: exit code and the last lines of its output. Reading it needs"
              + " no key: it is what the Import page shows.")
  @ApiResponse(
      responseCode = "200",
      description = "The latest run",
      content = @Content(schema = @Schema(implementation = PipelineRun.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No run has been started since the web app started",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  PipelineRun latest() {
    return runs.latest()
        .orElseThrow(
            () ->
                Problems.exception(
                    HttpStatus.NOT_FOUND,
                    "No pipeline run",
                    "No pipeline run has been started since the web app started."));
  }
}
