package io.listening.webapp.pipeline;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Pipeline runs started from the web app.
 *
 * @param command what one run executes, given to {@code /bin/sh -c} ({@code
 *     WEBAPP_PIPELINE_COMMAND}, e.g. {@code bash ops/pipeline-run.sh}); unset or blank (the
 *     default) turns runs off. It is the server's configuration, never a request's: requests only start it
 * @param workingDirectory where the command runs ({@code WEBAPP_PIPELINE_DIRECTORY}, default the
 *     web app's working directory)
 * @param timeout a run still going after this long is stopped and fails ({@code
 *     WEBAPP_PIPELINE_TIMEOUT}, default 2h)
 * @param outputLines how many of the command's last output lines a run's status keeps ({@code
 *     WEBAPP_PIPELINE_OUTPUT_LINES}, default 40)
 */
@Validated
@ConfigurationProperties("listening.pipeline")
public record PipelineProperties(
    @Nullable String command,
    @NotNull Path workingDirectory,
    @NotNull Duration timeout,
    @Min(1) int outputLines) {

  boolean enabled() {
    return command != null && !command.isBlank();
  }
}
