package io.listening.webapp.dashboard.tracks;

import static io.listening.webapp.dashboard.FactQuery.latestSpelling;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DayHistory;
import io.listening.webapp.dashboard.FactQuery;
import io.listening.webapp.dashboard.Ranked;
import io.listening.webapp.dashboard.WholePeriod;
import io.listening.webapp.warehouse.Warehouse;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Tracks over the range: from gold.period_track_listening for a whole period over everyone, else
 * summed from gold.daily_track_listening.
 */
@Service
class TrackQueries {

  static final int TOP = 25;

  private static final String RANKED =
      """
      select track_id as id, %1$s as name, %2$s as detail, sum(plays) as plays,
             sum(skips) as skips, sum(listening_ms) as listening_ms,
             count(distinct user_id) as listeners
      from gold.daily_track_listening
      where {filter} %%s
      group by track_id
      order by plays desc, listening_ms desc, track_id
      limit ?
      """
          .formatted(latestSpelling("track_name"), latestSpelling("artist_name"));

  private static final String PERIOD_RANKED =
      """
      select track_id as id, track_name as name, artist_name as detail, plays, skips,
             listening_ms, listeners
      from gold.period_track_listening
      where {period} %s
      order by plays desc, listening_ms desc, track_id
      limit ?
      """;

  private static final String HISTORY =
      """
      select listen_date, sum(plays) as plays, sum(skips) as skips, sum(listening_ms) as listening_ms
      from gold.daily_track_listening
      where {filter} and track_id = ?
      group by listen_date
      order by listen_date
      """;

  private static final String ARTIST_KEY =
      """
      select artist_key
      from gold.period_track_listening
      where {period} and track_id = ?
      """;

  private final Warehouse warehouse;

  TrackQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  List<Ranked> top(DashboardFilter filter) {
    return warehouse.read(
        (connection, build) ->
            FactQuery.of(filter, PERIOD_RANKED.formatted(""), RANKED.formatted(""))
                .with(TOP)
                .list(connection, Ranked::of));
  }

  /** The track's figures in the range; empty when it has no stream there. */
  List<Ranked> track(DashboardFilter filter, String trackId) {
    return warehouse.read(
        (connection, build) ->
            FactQuery.of(
                    filter,
                    PERIOD_RANKED.formatted("and track_id = ?"),
                    RANKED.formatted("and track_id = ?"))
                .with(trackId)
                .with(1)
                .list(connection, Ranked::of));
  }

  List<DayHistory> history(DashboardFilter filter, String trackId) {
    return warehouse.read(
        (connection, build) ->
            FactQuery.of(HISTORY, filter)
                .with(trackId)
                .list(connection, DayHistory::of));
  }

  /** The artist of the track's latest day, for the link to the artist's page. */
  String artistKey(String trackId) {
    return warehouse.read(
        (connection, build) ->
            FactQuery.ofPeriod(ARTIST_KEY, WholePeriod.ALL_TIME)
                .with(trackId)
                .first(connection, row -> row.getString("artist_key"))
                .orElse(""));
  }
}
