package io.listening.webapp.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** One local day of a track's or an artist's history. */
public record DayHistory(LocalDate day, long plays, long skips, long listeningMs) {

  /** Reads a row with the columns listen_date, plays, skips and listening_ms. */
  public static DayHistory of(ResultSet row) throws SQLException {
    return new DayHistory(
        row.getObject("listen_date", LocalDate.class),
        row.getLong("plays"),
        row.getLong("skips"),
        row.getLong("listening_ms"));
  }
}
