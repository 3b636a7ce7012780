package io.listening.webapp.stats;

import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseColumns;
import io.listening.webapp.warehouse.WarehouseUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.stereotype.Service;

/**
 * Listening statistics from the gold tables for the API. Each method is one warehouse read, so
 * everything it returns comes from one build. Every method throws {@link
 * WarehouseUnavailableException} when no warehouse build is published.
 */
@Service
public class StatsService {

  private static final String TOTALS_SQL =
      """
      select total_plays, total_skips, unique_tracks, unique_artists, unique_users,
             listening_ms, first_played_at, last_played_at
      from gold.listening_totals
      """;

  private final Warehouse warehouse;

  StatsService(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  public ListeningTotals totals() {
    return warehouse.read((connection, build) -> totals(connection));
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
}
