package io.listening.webapp.stats;

import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseColumns;
import io.listening.webapp.warehouse.WarehouseUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Listening statistics from the gold tables. Each method is one warehouse read, so everything it
 * returns comes from one build. Every method throws {@link WarehouseUnavailableException} when no
 * warehouse build is published.
 */
@Service
public class StatsService {

  /** Most tracks {@link #summary} lists, whatever is asked. */
  public static final int MAX_TOP_TRACKS = 100;

  private static final String TOTALS_SQL =
      """
      select total_plays, total_skips, unique_tracks, unique_artists, unique_users,
             listening_ms, first_played_at, last_played_at
      from gold.listening_totals
      """;

  private static final String TOP_TRACKS_SQL =
      """
      select track_id, track_name, artist_name, plays, listeners
      from gold.tracks
      order by plays desc, listeners desc, track_id
      limit ?
      """;

  private final Warehouse warehouse;

  StatsService(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  public ListeningTotals totals() {
    return warehouse.read((connection, build) -> totals(connection));
  }

  /**
   * The build, its totals and its most played tracks; {@code topTracks} is capped at {@link
   * #MAX_TOP_TRACKS}.
   */
  public ListeningSummary summary(int topTracks) {
    int limit = Math.max(0, Math.min(topTracks, MAX_TOP_TRACKS));
    return warehouse.read(
        (connection, build) ->
            new ListeningSummary(build, totals(connection), topTracks(connection, limit)));
  }

  private static ListeningTotals totals(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(TOTALS_SQL);
        ResultSet row = statement.executeQuery()) {
      if (!row.next()) {
        return ListeningTotals.NONE;
      }
      return new ListeningTotals(
          row.getLong("total_plays"),
          row.getLong("total_skips"),
          row.getLong("unique_tracks"),
          row.getLong("unique_artists"),
          row.getLong("unique_users"),
          row.getLong("listening_ms"),
          WarehouseColumns.instant(row, "first_played_at"),
          WarehouseColumns.instant(row, "last_played_at"));
    }
  }

  private static List<TopTrack> topTracks(Connection connection, int limit) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(TOP_TRACKS_SQL)) {
      statement.setInt(1, limit);
      try (ResultSet row = statement.executeQuery()) {
        List<TopTrack> tracks = new ArrayList<>();
        while (row.next()) {
          tracks.add(
              new TopTrack(
                  row.getString("track_id"),
                  row.getString("track_name"),
                  row.getString("artist_name"),
                  row.getLong("plays"),
                  row.getLong("listeners")));
        }
        return tracks;
      }
    }
  }
}
