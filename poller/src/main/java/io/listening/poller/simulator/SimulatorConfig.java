package io.listening.poller.simulator;

import java.time.LocalDate;

/**
 * What to simulate; read from the options and {@code SIMULATOR_*} variables by {@link
 * SimulateCommand}.
 *
 * @param seed the whole simulation is a function of this seed and the other parameters
 * @param users number of listeners
 * @param tracks size of the catalogue
 * @param genres number of genre clusters the catalogue is split into
 * @param days number of days of history, ending the day before {@code endDate}
 * @param endDate first day after the simulated history (UTC)
 * @param maxEvents stop after this many events (0 = no limit)
 * @param malformedEvery every n-th record is deliberately broken, to exercise dead letters (0 = never)
 */
public record SimulatorConfig(
    long seed,
    int users,
    int tracks,
    int genres,
    int days,
    LocalDate endDate,
    long maxEvents,
    long malformedEvery) {

  public SimulatorConfig {
    require(users > 0, "users must be positive");
    require(tracks >= genres * 10, "tracks must be at least 10 per genre");
    require(genres > 0, "genres must be positive");
    require(days > 0, "days must be positive");
    require(maxEvents >= 0, "max-events must not be negative");
    require(malformedEvery >= 0, "malformed-every must not be negative");
  }

  public LocalDate startDate() {
    return endDate.minusDays(days);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
