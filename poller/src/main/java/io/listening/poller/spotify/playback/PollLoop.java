package io.listening.poller.spotify.playback;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SpotifyPoller#pollOnce} every poll interval until the process is told to stop.
 *
 * <p>On SIGTERM (systemd stop) the shutdown hook stops scheduling, waits for the poll in progress
 * to finish, then closes the poller (state saved, producer flushed and closed) and the other
 * resources. A failing poll (Kafka unreachable, broken token store, rejected app credentials) stops
 * the loop the same way and is rethrown, so the process exits non-zero and systemd restarts it.
 * Spotify's answers never do: a failed call, an answer the library cannot read included, only makes
 * the poller back off for that user.
 */
final class PollLoop {

  private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);
  static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(30);

  private final SpotifyPoller poller;
  private final Duration interval;
  private final Clock clock;
  private final AutoCloseable[] resources;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "spotify-poller"));
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private boolean stopping;

  /**
   * @param resources closed after the poller, in order
   */
  PollLoop(SpotifyPoller poller, Duration interval, Clock clock, AutoCloseable... resources) {
    this.poller = poller;
    this.interval = interval;
    this.clock = clock;
    this.resources = resources;
  }

  /** Polls until SIGTERM or a fatal failure; returns after a clean stop, throws the failure. */
  void run() {
    Thread hook = new Thread(this::stop, "spotify-poller-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or ran; nothing to remove.
    }
    RuntimeException cause = failure.get();
    if (cause != null) {
      throw cause;
    }
  }

  private void tick() {
    try {
      poller.pollOnce(clock.instant());
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
      stopped.countDown();
      throw e;
    }
  }

  synchronized void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    LOG.info("Stopping the Spotify poller: finishing the poll in progress.");
    executor.shutdown();
    try {
      if (!executor.awaitTermination(IN_FLIGHT_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn(
            "The poll in progress did not finish within {} s; stopping anyway.",
            IN_FLIGHT_GRACE.toSeconds());
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    try {
      poller.close();
    } finally {
      for (AutoCloseable resource : resources) {
        try {
          resource.close();
        } catch (Exception e) {
          LOG.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), e.getMessage(), e);
        }
      }
      stopped.countDown();
    }
  }
}
