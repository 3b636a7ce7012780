package io.listening.webapp.dashboard.clock;

import java.time.DayOfWeek;

/** Plays and listening time of each local weekday (1 = Monday) and hour (0 to 23). */
final class WeekClock {

  private final long[][] plays = new long[7][24];
  private final long[][] listeningMs = new long[7][24];

  void add(int weekday, int hour, long cellPlays, long cellMs) {
    plays[weekday - 1][hour] += cellPlays;
    listeningMs[weekday - 1][hour] += cellMs;
  }

  long plays(DayOfWeek day, int hour) {
    return plays[day.getValue() - 1][hour];
  }

  long totalMs() {
    long total = 0;
    for (long[] day : listeningMs) {
      for (long ms : day) {
        total += ms;
      }
    }
    return total;
  }

  long maxPlays() {
    long max = 0;
    for (long[] day : plays) {
      for (long count : day) {
        max = Math.max(max, count);
      }
    }
    return max;
  }
}
