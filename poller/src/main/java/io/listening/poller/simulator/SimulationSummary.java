package io.listening.poller.simulator;

import io.listening.events.EventTypes;
import io.listening.events.PlayEvent;

/** Counts of what a simulation published. */
final class SimulationSummary {

  private long plays;
  private long skipped;
  private long likes;
  private long malformed;

  void count(PlayEvent event) {
    switch (event.eventType()) {
      case EventTypes.PLAY -> {
        plays++;
        if (Boolean.TRUE.equals(event.skipped())) {
          skipped++;
        }
      }
      case EventTypes.LIKE -> likes++;
      default -> {}
    }
  }

  void countMalformed() {
    malformed++;
  }

  long records() {
    return plays + likes + malformed;
  }

  /** Streams of a track, of any length. */
  long plays() {
    return plays;
  }

  /** The plays the simulated listeners skipped. */
  long skipped() {
    return skipped;
  }

  long likes() {
    return likes;
  }

  long malformed() {
    return malformed;
  }
}
