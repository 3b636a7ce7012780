package io.listening.webapp.pipeline;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One pipeline run at one moment, as the API answers it and the Import page shows it.
 *
 * @param id the run's id, new for every run
 * @param status {@code running}, {@code succeeded} (the command exited 0) or {@code failed}
 * @param startedAt when the command was started
 * @param finishedAt when it ended, null while it runs
 * @param exitCode the command's exit code, null while it runs or when it never started or was
 *     stopped
 * @param problem why it failed when the exit code does not say (it could not start, it ran past the
 *     timeout), else null
 * @param outputTail the command's last lines of output (standard output and error together)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PipelineRun(
    String id,
    @Schema(allowableValues = {"running", "succeeded", "failed"}) String status,
    Instant startedAt,
    @Schema(nullable = true) @Nullable Instant finishedAt,
    @Schema(nullable = true) @Nullable Integer exitCode,
    @Schema(nullable = true) @Nullable String problem,
    List<String> outputTail) {

  static final String RUNNING = "running";
  static final String SUCCEEDED = "succeeded";
  static final String FAILED = "failed";

  static PipelineRun started(String id, Instant at) {
    return new PipelineRun(id, RUNNING, at, null, null, null, List.of());
  }

  PipelineRun output(List<String> tail) {
    return new PipelineRun(id, status, startedAt, finishedAt, exitCode, problem, List.copyOf(tail));
  }

  PipelineRun exited(int code, Instant at, List<String> tail) {
    return new PipelineRun(
        id, code == 0 ? SUCCEEDED : FAILED, startedAt, at, code, null, List.copyOf(tail));
  }

  PipelineRun failed(String why, Instant at, List<String> tail) {
    return new PipelineRun(id, FAILED, startedAt, at, null, why, List.copyOf(tail));
  }

  public boolean running() {
    return RUNNING.equals(status);
  }

  /** A sentence for the page: "Pipeline run 1a2b... failed with exit code 2 after 1 min 05 s." */
  public String describe(Instant now) {
    Duration took = Duration.between(startedAt, finishedAt == null ? now : finishedAt);
    String length =
        String.format(Locale.ROOT, "%d min %02d s", took.toMinutes(), took.toSecondsPart());
    String outcome =
        switch (status) {
          case RUNNING -> "is running, for " + length;
          case SUCCEEDED -> "succeeded after " + length;
          default ->
              exitCode != null
                  ? "failed with exit code " + exitCode + " after " + length
                  : "failed after " + length + ": " + problem;
        };
    return "Pipeline run " + id + " " + outcome + ".";
  }
}
