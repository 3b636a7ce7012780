package io.listening.webapp.dashboard.artists;

import static io.listening.webapp.dashboard.FactQuery.latestSpelling;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DayHistory;
import io.listening.webapp.dashboard.FactQuery;
import io.listening.webapp.dashboard.Ranked;
import io.listening.webapp.warehouse.Warehouse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Artists (by artist_key, as gold's top lists group them): from gold.period_artist_listening for a
 * whole period over everyone, else summed from gold.daily_track_listening.
 */
@Service
class ArtistQueries {

  static final int TOP = 25;

  private static final String RANKED =
      """
      select artist_key as id, %1$s as name,
             count(distinct track_id) as tracks, sum(plays) as plays, sum(skips) as skips,
             sum(listening_ms) as listening_ms, count(distinct user_id) as listeners
      from gold.daily_track_listening
      where {filter} %%s
      group by artist_key
      order by plays desc, listening_ms desc, artist_key
      limit ?
      """
          .formatted(latestSpelling("artist_name"));

  private static final String PERIOD_RANKED =
      """
      select artist_key as id, artist_name as name, tracks, plays, skips, listening_ms, listeners
      from gold.period_artist_listening
      where {period} %s
      order by plays desc, listening_ms desc, artist_key
      limit ?
      """;

  // By the artist_key of each day's streams: a track renamed to another artist counts for both.
  private static final String TRACKS =
      """
      select track_id as id, %1$s as name, %2$s as detail, sum(plays) as plays,
             sum(skips) as skips, sum(listening_ms) as listening_ms,
             count(distinct user_id) as listeners
      from gold.daily_track_listening
      where {filter} and artist_key = ?
      group by track_id
      order by plays desc, listening_ms desc, track_id
      limit ?
      """
          .formatted(latestSpelling("track_name"), latestSpelling("artist_name"));

  private static final String HISTORY =
      """
      select listen_date, sum(plays) as plays, sum(skips) as skips, sum(listening_ms) as listening_ms
      from gold.daily_track_listening
      where {filter} and artist_key = ?
      group by listen_date
      order by listen_date
      """;

  private final Warehouse warehouse;

  ArtistQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  List<Ranked> top(DashboardFilter filter) {
    return warehouse.read(
        (connection, build) ->
            FactQuery.of(filter, PERIOD_RANKED.formatted(""), RANKED.formatted(""))
                .with(TOP)
                .list(connection, ArtistQueries::artist));
  }

  List<Ranked> artist(DashboardFilter filter, String artistKey) {
    return warehouse.read(
        (connection, build) ->
            FactQuery.of(
                    filter,
                    PERIOD_RANKED.formatted("and artist_key = ?"),
                    RANKED.formatted("and artist_key = ?"))
                .with(artistKey)
                .with(1)
                .list(connection, ArtistQueries::artist));
  }

  List<Ranked> tracks(DashboardFilter filter, String artistKey) {
    return warehouse.read(
        (connection, build) ->
            FactQuery.of(TRACKS, filter)
                .with(artistKey)
                .with(TOP)
                .list(connection, Ranked::of));
  }

  List<DayHistory> history(DashboardFilter filter, String artistKey) {
    return warehouse.read(
        (connection, build) ->
            FactQuery.of(HISTORY, filter)
                .with(artistKey)
                .list(connection, DayHistory::of));
  }

  private static Ranked artist(ResultSet row) throws SQLException {
    long tracks = row.getLong("tracks");
    return new Ranked(
        row.getString("id"),
        row.getString("name"),
        tracks == 1 ? "1 track" : tracks + " tracks",
        row.getLong("plays"),
        row.getLong("skips"),
        row.getLong("listening_ms"),
        row.getLong("listeners"));
  }
}
