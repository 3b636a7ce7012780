package io.listening.webapp.nowplaying;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Once a second, on one daemon thread for all open views: what moves a playing track's progress
 * between two records of the topic.
 */
@Component
class ProgressTicker implements DisposableBean {

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "now-playing-ticker");
            thread.setDaemon(true);
            return thread;
          });

  ProgressTicker() {
    scheduler.scheduleAtFixedRate(
        () -> listeners.forEach(ProgressTicker::runQuietly), 1, 1, TimeUnit.SECONDS);
  }

  Runnable subscribe(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private static void runQuietly(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      // A view detached between two ticks; its own detach listener unsubscribes it.
    }
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
  }
}
