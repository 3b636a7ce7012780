package io.listening.webapp.dashboard;

import java.time.LocalDate;

/** One local day of a track's or an artist's history. */
public record DayHistory(LocalDate day, long plays, long skips, long listeningMs) {}
