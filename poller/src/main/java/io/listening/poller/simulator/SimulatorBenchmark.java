package io.listening.poller.simulator;

import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;
import java.time.LocalDate;

/**
 * Measures how fast the simulator generates events, alone and with JSON encoding (what publishing
 * costs before Kafka). Prints a table; run through {@code ops/bench/simulator.sh}.
 *
 * <pre>java -cp poller.jar io.listening.poller.simulator.SimulatorBenchmark [events]</pre>
 */
public final class SimulatorBenchmark {

  private SimulatorBenchmark() {}

  public static void main(String[] args) {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    // Enough users and days that the cap, not the calendar, ends the run.
    SimulatorConfig config =
        new SimulatorConfig(42, 20_000, 200_000, 40, 365, LocalDate.parse("2025-01-01"), events, 0);
    run("warm-up (not counted)", new SimulatorConfig(42, 2_000, 20_000, 20, 30, config.endDate(), 1_000_000, 0), false);
    System.out.printf("%-28s %12s %10s %14s%n", "case", "events", "seconds", "events/s");
    run("generate", config, false);
    run("generate + encode JSON", config, true);
  }

  private static void run(String name, SimulatorConfig config, boolean encode) {
    long started = System.nanoTime();
    long count = 0;
    long bytes = 0;
    for (PlayEvent event : new ListeningSimulation(config)) {
      count++;
      if (encode) {
        bytes += PlayEventCodec.encode(event).length();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!name.startsWith("warm-up")) {
      System.out.printf("%-28s %12d %10.2f %14.0f%n", name, count, seconds, count / seconds);
    }
    if (bytes < 0) {
      throw new AssertionError("unreachable; keeps the encoding from being optimised away");
    }
  }
}
