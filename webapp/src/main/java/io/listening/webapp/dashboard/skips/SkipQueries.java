package io.listening.webapp.dashboard.skips;

import static io.listening.webapp.dashboard.FactQuery.latestSpelling;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FactQuery;
import io.listening.webapp.dashboard.Ranked;
import io.listening.webapp.warehouse.Warehouse;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Skip rates (skips among all music streams, skips being streams under the play threshold) from
 * gold.daily_track_listening and gold.hourly_listening, or for a whole period over everyone from
 * gold.period_track_listening and period_artist_listening.
 */
@Service
class SkipQueries {

  /** A track or artist needs this many streams in the range to be ranked by its skip rate. */
  static final int MIN_STREAMS = 3;

  static final int TOP = 15;

  private static final String BY_ITEM =
      """
      select %1$s as id, %2$s as name, %3$s as detail,
             sum(plays) as plays, sum(skips) as skips, sum(listening_ms) as listening_ms,
             count(distinct user_id) as listeners
      from gold.daily_track_listening
      where {filter}
      group by %1$s
      having sum(plays) + sum(skips) >= ?
      order by sum(skips) / (sum(plays) + sum(skips)) desc, sum(skips) desc, %1$s
      limit ?
      """;

  private static final String PERIOD_BY_ITEM =
      """
      select %1$s as id, %2$s as name, %3$s as detail, plays, skips, listening_ms, listeners
      from gold.%4$s
      where {period} and plays + skips >= ?
      order by skips / (plays + skips) desc, skips desc, %1$s
      limit ?
      """;

  private static final String BY_HOUR =
      """
      select listen_hour, sum(plays) as plays, sum(skips) as skips
      from gold.hourly_listening
      where {filter}
      group by listen_hour
      order by listen_hour
      """;

  private final Warehouse warehouse;

  SkipQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  List<Ranked> tracks(DashboardFilter filter) {
    return byItem(
        filter,
        PERIOD_BY_ITEM.formatted("track_id", "track_name", "artist_name", "period_track_listening"),
        BY_ITEM.formatted(
            "track_id", latestSpelling("track_name"), latestSpelling("artist_name")));
  }

  List<Ranked> artists(DashboardFilter filter) {
    String artistName = latestSpelling("artist_name");
    return byItem(
        filter,
        PERIOD_BY_ITEM.formatted("artist_key", "artist_name", "artist_name", "period_artist_listening"),
        BY_ITEM.formatted("artist_key", artistName, artistName));
  }

  /** Plays and skips per local hour, 24 entries. */
  long[][] hours(DashboardFilter filter) {
    return warehouse.read(
        (connection, build) -> {
          long[][] hours = new long[24][2];
          FactQuery.of(BY_HOUR, filter)
              .list(
                  connection,
                  row -> {
                    int hour = row.getInt("listen_hour");
                    hours[hour][0] = row.getLong("plays");
                    hours[hour][1] = row.getLong("skips");
                    return hour;
                  });
          return hours;
        });
  }

  private List<Ranked> byItem(DashboardFilter filter, String wholePeriodSql, String daySql) {
    return warehouse.read(
        (connection, build) ->
            FactQuery.of(filter, wholePeriodSql, daySql)
                .with(MIN_STREAMS)
                .with(TOP)
                .list(connection, Ranked::of));
  }
}
