package io.listening.webapp.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A track, artist or show with its figures in a range, as the top lists rank them: most plays,
 * then most listening time, then id.
 *
 * @param id the track_id, artist_key or show name
 * @param name what people read
 * @param detail a second line: a track's artist, an artist's track count
 */
public record Ranked(
    String id, String name, String detail, long plays, long skips, long listeningMs, long listeners) {

  /** Reads a row with the columns id, name, detail, plays, skips, listening_ms and listeners. */
  public static Ranked of(ResultSet row) throws SQLException {
    return new Ranked(
        row.getString("id"),
        row.getString("name"),
        row.getString("detail"),
        row.getLong("plays"),
        row.getLong("skips"),
        row.getLong("listening_ms"),
        row.getLong("listeners"));
  }

  /** Skips among all streams, 0 when there are none. */
  public double skipRate() {
    long streams = plays + skips;
    return streams == 0 ? 0 : (double) skips / streams;
  }
}
