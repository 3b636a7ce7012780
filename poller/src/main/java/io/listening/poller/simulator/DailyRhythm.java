package io.listening.poller.simulator;

import java.util.SplittableRandom;

/** When in the day people start listening: a morning commute peak and a long evening peak. */
final class DailyRhythm {

  private static final double[] WEIGHT_BY_HOUR = {
    0.6, 0.3, 0.15, 0.1, 0.1, 0.3, 1.0, 2.2, 3.0, 2.2, 1.6, 1.5,
    1.8, 1.6, 1.5, 1.7, 2.2, 2.8, 3.0, 3.2, 3.4, 3.0, 2.2, 1.2
  };
  private static final double[] CUMULATIVE = new double[24];

  static {
    double sum = 0;
    for (int hour = 0; hour < 24; hour++) {
      sum += WEIGHT_BY_HOUR[hour];
      CUMULATIVE[hour] = sum;
    }
  }

  private DailyRhythm() {}

  /** Seconds after midnight at which a session starts. */
  static int sessionStartSecond(SplittableRandom random) {
    double draw = random.nextDouble() * CUMULATIVE[23];
    int hour = 0;
    while (CUMULATIVE[hour] < draw) {
      hour++;
    }
    return hour * 3600 + random.nextInt(3600);
  }
}
