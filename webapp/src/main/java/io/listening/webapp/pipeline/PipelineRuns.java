package io.listening.webapp.pipeline;

import io.listening.webapp.system.Problems;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Runs the configured pipeline command in the background, one run at a time, and keeps the latest
 * run's status: running, then its exit code and the tail of its output. The REST endpoint and the
 * Import page both start runs here, so the one-at-a-time rule has one home. Runs started by other
 * means (Airflow, {@code ops/run.sh}) are not seen.
 */
@Component
public class PipelineRuns implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PipelineRuns.class);
  private static final Duration OUTPUT_EVERY = Duration.ofMillis(250);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  /** Longer lines (progress bars redrawn with carriage returns, say) are cut here. */
  private static final int MAX_LINE_LENGTH = 500;

  private final PipelineProperties properties;
  private final Clock clock;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "pipeline-run");
            thread.setDaemon(true);
            return thread;
          });
  private final List<Consumer<PipelineRun>> subscribers = new CopyOnWriteArrayList<>();

  // Guarded by this.
  private @Nullable PipelineRun latest;
  private @Nullable Process process;

  PipelineRuns(PipelineProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  public synchronized Optional<PipelineRun> latest() {
    return Optional.ofNullable(latest);
  }

  /** Whether a command is configured; without one {@link #start} refuses. */
  public boolean enabled() {
    return properties.enabled();
  }

  /** Calls {@code subscriber} with every change of the latest run; returns the unsubscribe. */
  public Runnable subscribe(Consumer<PipelineRun> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /**
   * Starts a run of the configured command and returns it, running.
   *
   * @param startedBy how the run was asked for, for the log: "on an admin API request"
   * @throws ErrorResponseException 409 while another run is running, 503 when no command is
   *     configured
   */
  public PipelineRun start(String startedBy) {
    PipelineRun run;
    synchronized (this) {
      if (!properties.enabled()) {
        throw Problems.exception(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Pipeline runs are off",
            "No pipeline command is configured (WEBAPP_PIPELINE_COMMAND).");
      }
      if (latest != null && latest.running()) {
        throw Problems.exception(
            HttpStatus.CONFLICT,
            "A pipeline run is running",
            "Pipeline run "
                + latest.id()
                + " started at "
                + latest.startedAt()
                + " is still running; start the next when it has finished.");
      }
      run = PipelineRun.started(UUID.randomUUID().toString(), clock.instant());
      latest = run;
    }
    log.info("Pipeline run {} started {}.", run.id(), startedBy);
    publish(run);
    worker.execute(() -> execute(run.id()));
    return run;
  }

  private void execute(String id) {
    OutputTail tail = new OutputTail(properties.outputLines());
    long started = System.nanoTime();
    Process running;
    try {
      running =
          new ProcessBuilder("/bin/sh", "-c", Objects.requireNonNull(properties.command()))
              .directory(properties.workingDirectory().toFile())
              .redirectErrorStream(true)
              .start();
      running.getOutputStream().close(); // the command reads no input
    } catch (IOException e) {
      log.warn("Pipeline run {} could not start its command: {}", id, e.getMessage());
      String why = "The command could not start: " + e.getMessage();
      update(id, run -> run.failed(why, clock.instant(), tail.lines()));
      return;
    }
    synchronized (this) {
      process = running;
    }
    Thread output =
        new Thread(() -> follow(id, running.getInputStream(), tail), "pipeline-run-output");
    output.setDaemon(true);
    output.start();
    try {
      if (running.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        output.join(STOP_GRACE.toMillis());
        int code = running.exitValue();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        if (code == 0) {
          log.info("Pipeline run {} succeeded after {} s.", id, seconds);
        } else {
          log.warn("Pipeline run {} failed with exit code {} after {} s.", id, code, seconds);
        }
        update(id, run -> run.exited(code, clock.instant(), tail.lines()));
      } else {
        stop(running);
        output.join(STOP_GRACE.toMillis());
        log.warn("Pipeline run {} ran longer than {} and was stopped.", id, properties.timeout());
        update(
            id,
            run ->
                run.failed(
                    "It ran longer than " + properties.timeout() + " and was stopped.",
                    clock.instant(),
                    tail.lines()));
      }
    } catch (InterruptedException e) {
      stop(running);
      String why = "The web app stopped during the run.";
      update(id, run -> run.failed(why, clock.instant(), tail.lines()));
      Thread.currentThread().interrupt();
    } finally {
      synchronized (this) {
        process = null;
      }
    }
  }

  /** Keeps the output's last lines, passing them on to the subscribers a few times a second. */
  private void follow(String id, InputStream stream, OutputTail tail) {
    long nextUpdate = 0;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        tail.add(line.length() > MAX_LINE_LENGTH ? line.substring(0, MAX_LINE_LENGTH) : line);
        if (System.nanoTime() - nextUpdate > 0) {
          nextUpdate = System.nanoTime() + OUTPUT_EVERY.toNanos();
          update(id, run -> run.running() ? run.output(tail.lines()) : run);
        }
      }
    } catch (IOException e) {
      // The stream closes when the command is stopped; what was read is kept.
    }
  }

  /**
   * Stops the command and whatever it started (the shell's children: Maven, Java, dbt), gently
   * first. The children are listed before the shell is stopped, since they stop being its
   * descendants once it is gone. The shell is stopped before its children: stopped after them, it
   * could outlive its foreground child long enough to print "Terminated" into the run's output.
   */
  private static void stop(Process running) {
    List<ProcessHandle> children = running.descendants().toList();
    running.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!running.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
      }
    } catch (InterruptedException e) {
      children.forEach(ProcessHandle::destroyForcibly);
      running.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void update(String id, UnaryOperator<PipelineRun> change) {
    PipelineRun changed;
    synchronized (this) {
      if (latest == null || !latest.id().equals(id)) {
        return;
      }
      changed = change.apply(latest);
      latest = changed;
    }
    publish(changed);
  }

  private void publish(PipelineRun run) {
    for (Consumer<PipelineRun> subscriber : subscribers) {
      subscriber.accept(run);
    }
  }

  @Override
  public void destroy() {
    Process running;
    synchronized (this) {
      running = process;
    }
    if (running != null) {
      log.warn("Stopping the pipeline command of the running run: the web app is stopping.");
      stop(running);
    }
    worker.shutdownNow();
  }

  /** The last lines of a command's output. */
  private static final class OutputTail {

    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    OutputTail(int capacity) {
      this.capacity = capacity;
    }

    synchronized void add(String line) {
      if (lines.size() == capacity) {
        lines.removeFirst();
      }
      lines.addLast(line);
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }
  }
}
