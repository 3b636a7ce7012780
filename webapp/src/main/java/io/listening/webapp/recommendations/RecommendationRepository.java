package io.listening.webapp.recommendations;

import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseBuild;
import io.listening.webapp.warehouse.WarehouseBuildChangedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Repository;

/**
 * Reads co-occurrence recommendations from {@code gold.track_co_occurrence} and {@code
 * gold.tracks}.
 */
@Repository
class RecommendationRepository {

  private static final String TRACK_SQL =
      "select track_id, track_name, artist_name from gold.tracks where track_id = ?";

  private static final String RELATED_SQL =
      """
      select pair.related_track_id, related.track_name, related.artist_name,
             pair.score, pair.co_occurrences
      from gold.track_co_occurrence as pair
      join gold.tracks as related on related.track_id = pair.related_track_id
      where pair.track_id = ?
      order by pair.score desc, pair.co_occurrences desc, pair.related_track_id
      limit ?
      """;

  private final Warehouse warehouse;

  RecommendationRepository(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * The track and its best {@code limit} related tracks in {@code build}; empty if the track is not
   * in that build. Cached per build, track and limit; {@code lookup} is marked when the warehouse
   * is read, that is on a miss.
   *
   * @throws WarehouseBuildChangedException if {@code build} is no longer the published build
   */
  @Cacheable(
      cacheNames = RecommendationCacheConfiguration.CACHE,
      key = "#build.buildId() + ':' + #trackId.value() + ':' + #limit",
      unless = "#result == null")
  Optional<RecommendationSet> find(
      WarehouseBuild build, TrackId trackId, int limit, CacheLookup lookup) {
    lookup.computed();
    return warehouse.read(
        build,
        (connection, current) -> {
          try (PreparedStatement statement = connection.prepareStatement(TRACK_SQL)) {
            statement.setString(1, trackId.value());
            try (ResultSet track = statement.executeQuery()) {
              if (!track.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new RecommendationSet(
                      track.getString("track_id"),
                      track.getString("track_name"),
                      track.getString("artist_name"),
                      related(connection, trackId, limit)));
            }
          }
        });
  }

  private static List<Recommendation> related(Connection connection, TrackId trackId, int limit)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(RELATED_SQL)) {
      statement.setString(1, trackId.value());
      statement.setInt(2, limit);
      try (ResultSet row = statement.executeQuery()) {
        List<Recommendation> recommendations = new ArrayList<>();
        while (row.next()) {
          recommendations.add(
              new Recommendation(
                  row.getString("related_track_id"),
                  row.getString("track_name"),
                  row.getString("artist_name"),
                  row.getDouble("score"),
                  row.getLong("co_occurrences")));
        }
        return recommendations;
      }
    }
  }
}
