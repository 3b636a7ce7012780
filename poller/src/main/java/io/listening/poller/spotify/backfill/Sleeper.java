package io.listening.poller.spotify.backfill;

import java.time.Duration;

/** Waits; tests pass one that only records the waits. */
@FunctionalInterface
interface Sleeper {

  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
