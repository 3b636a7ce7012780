package io.listening.webapp.recommendations;

import io.listening.events.TrackIds;
import io.listening.webapp.warehouse.Warehouse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A listener's latest plays in the warehouse, the latest first, one per track: gold's {@code
 * user_track_recency} holds each user's tracks with the end of their latest counted play, so the
 * question is one indexed read, not a scan of the plays.
 */
@Component
class ListenerHistory {

  private static final String LATEST_SQL =
      """
      select track_id from gold.user_track_recency
      where user_id = ? order by last_played_at desc, track_id limit ?
      """;

  private final Warehouse warehouse;

  ListenerHistory(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * At most {@code count} track ids; empty when the warehouse has no plays of the user. Ids that
   * break the contract's rule are left out: they could be neither a seed nor a recent track.
   */
  List<String> latestTracks(String userId, int count) {
    return warehouse.read(
        (connection, build) -> {
          try (PreparedStatement statement = connection.prepareStatement(LATEST_SQL)) {
            statement.setString(1, userId);
            statement.setInt(2, count);
            List<String> tracks = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
              while (row.next()) {
                String trackId = row.getString(1);
                if (TrackIds.isValid(trackId)) {
                  tracks.add(trackId);
                }
              }
            }
            return tracks;
          }
        });
  }
}
