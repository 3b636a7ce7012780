package io.listening.webapp.dashboard.trends;

import java.time.LocalDate;

/** Music plays and listening time of one local day, or of a week or month starting that day. */
record DayTotals(LocalDate day, long plays, long listeningMs) {

  DayTotals plus(DayTotals other) {
    return new DayTotals(day, plays + other.plays, listeningMs + other.listeningMs);
  }
}
