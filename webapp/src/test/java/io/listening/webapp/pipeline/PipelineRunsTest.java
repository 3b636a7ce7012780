package io.listening.webapp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.ErrorResponseException;

class PipelineRunsTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path workingDirectory;

  private PipelineRuns runs;

  private PipelineRuns runs(String command, Duration timeout, int outputLines) {
    runs =
        new PipelineRuns(
            new PipelineProperties(command, workingDirectory, timeout, outputLines),
            Clock.systemUTC());
    return runs;
  }

  private PipelineRuns runs(String command) {
    return runs(command, Duration.ofMinutes(1), 40);
  }

  @AfterEach
  void stop() {
    if (runs != null) {
      runs.destroy();
    }
  }

  @Test
  void aRunIsRunningUntilItsCommandExitsThenSucceededWithExitCodeZeroAndItsOutput()
      throws Exception {
    runs("echo ingesting; sleep 1; echo built");

    PipelineRun started = runs.start("by a test");

    assertThat(started.status()).isEqualTo("running");
    assertThat(started.exitCode()).isNull();
    assertThat(runs.latest()).contains(started);
    PipelineRun done = awaitEnd(started.id());
    assertThat(done.status()).isEqualTo("succeeded");
    assertThat(done.exitCode()).isZero();
    assertThat(done.outputTail()).containsExactly("ingesting", "built");
    assertThat(done.finishedAt()).isAfter(done.startedAt());
  }

  @Test
  void aSecondRunIsRefusedWith409WhileOneRunsAndAllowedOnceItEnded() throws Exception {
    runs("sleep 2");
    PipelineRun first = runs.start("by a test");

    assertThatThrownBy(() -> runs.start("by a test"))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(409);
              assertThat(e.getBody().getDetail()).contains(first.id()).contains("still running");
            });
    assertThat(runs.latest().orElseThrow().id()).isEqualTo(first.id());

    awaitEnd(first.id());
    PipelineRun second = runs.start("by a test");
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.running()).isTrue();
  }

  @Test
  void aFailingCommandFailsWithItsExitCodeAndTheTailOfBothOutputStreams() throws Exception {
    runs("for i in $(seq 1 100); do echo line $i; done; echo 'dbt: 2 tests failed' >&2; exit 3",
        Duration.ofMinutes(1), 5);

    PipelineRun done = awaitEnd(runs.start("by a test").id());

    assertThat(done.status()).isEqualTo("failed");
    assertThat(done.exitCode()).isEqualTo(3);
    assertThat(done.problem()).isNull();
    assertThat(done.outputTail())
        .containsExactly("line 97", "line 98", "line 99", "line 100", "dbt: 2 tests failed");
    assertThat(done.describe(done.finishedAt())).contains("failed with exit code 3");
  }

  @Test
  void aCommandRunningPastTheTimeoutIsStoppedWithItsChildrenAndFails() throws Exception {
    Path marker = workingDirectory.resolve("child-still-ran");
    runs("echo started; (sleep 3 && touch " + marker + ") & sleep 30", Duration.ofMillis(500), 40);

    PipelineRun done = awaitEnd(runs.start("by a test").id());

    assertThat(done.status()).isEqualTo("failed");
    assertThat(done.exitCode()).isNull();
    assertThat(done.problem()).contains("ran longer than PT0.5S");
    assertThat(done.outputTail()).containsExactly("started");
    Thread.sleep(4000);
    assertThat(marker).doesNotExist();
  }

  @Test
  void aCommandThatCannotStartFailsWithTheReason() throws Exception {
    runs =
        new PipelineRuns(
            new PipelineProperties(
                "true", workingDirectory.resolve("missing"), Duration.ofMinutes(1), 40),
            Clock.systemUTC());

    PipelineRun done = awaitEnd(runs.start("by a test").id());

    assertThat(done.status()).isEqualTo("failed");
    assertThat(done.problem()).startsWith("The command could not start");
  }

  @Test
  void withoutACommandRunsAreOffAnd503NamesTheVariable() {
    runs(" ");

    assertThat(runs.enabled()).isFalse();
    assertThatThrownBy(() -> runs.start("by a test"))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(503);
              assertThat(e.getBody().getDetail()).contains("WEBAPP_PIPELINE_COMMAND");
            });
    assertThat(runs.latest()).isEmpty();
  }

  @Test
  void subscribersSeeTheRunStartAndEnd() throws Exception {
    runs("echo one");
    List<PipelineRun> seen = new CopyOnWriteArrayList<>();
    runs.subscribe(seen::add);

    PipelineRun done = awaitEnd(runs.start("by a test").id());

    // Subscribers are called after the change is recorded, so the last call may still be on its way.
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!seen.contains(done) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(seen.get(0).running()).isTrue();
    assertThat(seen.get(seen.size() - 1)).isEqualTo(done);
  }

  private PipelineRun awaitEnd(String id) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      PipelineRun latest = runs.latest().orElseThrow();
      assertThat(latest.id()).isEqualTo(id);
      if (!latest.running()) {
        return latest;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Pipeline run " + id + " did not end within " + WAIT);
  }
}
