package io.listening.webapp.stats;

import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseBuild;
import io.listening.webapp.warehouse.WarehouseColumns;
import io.listening.webapp.warehouse.WarehouseUnavailableException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Listening statistics from the gold tables. Every method throws {@link
 * WarehouseUnavailableException} when no warehouse build is published.
 */
@Service
public class StatsService {

  /** Most tracks {@link #topTracks} returns, whatever is asked. */
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

  public WarehouseBuild currentBuild() {
    return warehouse.currentBuild();
  }

  public ListeningTotals totals() {
    return warehouse.read(
        connection -> {
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
        });
  }

  /**
   * The most played tracks, most plays first; {@code count} is capped at {@link #MAX_TOP_TRACKS}.
   */
  public List<TopTrack> topTracks(int count) {
    int limit = Math.max(0, Math.min(count, MAX_TOP_TRACKS));
    return warehouse.read(
        connection -> {
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
              return List.copyOf(tracks);
            }
          }
        });
  }
}
