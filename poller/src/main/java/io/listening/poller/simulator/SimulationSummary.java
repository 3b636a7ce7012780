package io.listening.poller.simulator;

import io.listening.events.EventTypes;
import io.listening.events.PlayEvent;

/** Counts of what a simulation published. */
final class SimulationSummary {

  private long plays;
  private long skips;
  private long likes;
  private long malformed;

  void count(PlayEvent event) {
    switch (event.eventType()) {
      case EventTypes.PLAY -> plays++;
      case EventTypes.SKIP -> skips++;
      case EventTypes.LIKE -> likes++;
      default -> {}
    }
  }

  void countMalformed() {
    malformed++;
  }

  long records() {
    return plays + skips + likes + malformed;
  }

  long plays() {
    return plays;
  }

  long skips() {
    return skips;
  }

  long likes() {
    return likes;
  }

  long malformed() {
    return malformed;
  }
}
