package io.listening.webapp.dashboard.overview;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FactQuery;
import io.listening.webapp.dashboard.WholePeriod;
import io.listening.webapp.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The overview's reads: gold.period_listening_totals for a whole period over everyone, else the
 * day-level gold tables within the range (one listener's rows are stored together).
 */
@Service
class OverviewQueries {

  static final int LONGEST_GAPS = 10;

  private static final String TOTALS_SQL =
      """
      select coalesce(sum(plays), 0) as plays, coalesce(sum(skips), 0) as skips,
             coalesce(sum(listening_ms), 0) as listening_ms, count(distinct user_id) as listeners,
             count(distinct listen_date) as days, min(listen_date) as first_day,
             max(listen_date) as last_day
      from gold.daily_listening_stats
      where {filter}
      """;

  // Artists by name, as gold.listening_totals counts them, so all time matches it.
  private static final String UNIQUES_SQL =
      """
      select count(distinct track_id) as tracks, count(distinct artist_name) as artists
      from gold.daily_track_listening
      where {filter}
      """;

  private static final String PERIOD_TOTALS_SQL =
      """
      select plays, skips, listening_ms, listeners, days, first_day, last_day, unique_tracks,
             unique_artists
      from gold.period_listening_totals
      where {period}
      """;

  // Any stream (music or podcast) makes a day listened: daily_user_stats has a row for it.
  private static final String GAPS_SQL =
      """
      with days as (
        select distinct listen_date from gold.daily_user_stats where {filter}
      ),
      steps as (
        select listen_date, lead(listen_date) over (order by listen_date) as next_day from days
      ),
      gaps as (
        select cast(listen_date + 1 as date) as first_day, cast(next_day - 1 as date) as last_day,
               next_day - listen_date - 1 as days
        from steps
        where next_day - listen_date > 1
      )
      select first_day, last_day, days, count(*) over () as gap_count,
             sum(days) over () as gap_days
      from gaps
      order by days desc, first_day
      """;

  private final Warehouse warehouse;

  OverviewQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  Overview overview(DashboardFilter filter) {
    return warehouse.read((connection, build) -> overview(connection, filter));
  }

  private static Overview overview(Connection connection, DashboardFilter filter)
      throws SQLException {
    Optional<WholePeriod> wholePeriod = filter.wholePeriodForEveryone();
    Totals totals =
        wholePeriod.isPresent()
            ? periodTotals(connection, wholePeriod.get())
            : dayTotals(connection, filter);
    List<GapRow> gapRows =
        FactQuery.of(GAPS_SQL, filter)
            .list(
                connection,
                row ->
                    new GapRow(
                        new Overview.Gap(
                            row.getObject("first_day", LocalDate.class),
                            row.getObject("last_day", LocalDate.class),
                            row.getLong("days")),
                        row.getLong("gap_count"),
                        row.getLong("gap_days")));
    return new Overview(
        totals.plays(),
        totals.skips(),
        totals.ms(),
        totals.tracks(),
        totals.artists(),
        totals.listeners(),
        totals.days(),
        totals.first(),
        totals.last(),
        gapRows.stream().limit(LONGEST_GAPS).map(GapRow::gap).toList(),
        gapRows.isEmpty() ? 0 : gapRows.get(0).count(),
        gapRows.isEmpty() ? 0 : gapRows.get(0).days());
  }

  private record GapRow(Overview.Gap gap, long count, long days) {}

  private record Totals(
      long plays,
      long skips,
      long ms,
      long listeners,
      long days,
      @Nullable LocalDate first,
      @Nullable LocalDate last,
      long tracks,
      long artists) {}

  /** A whole period has one row, or none when it has no music. */
  private static Totals periodTotals(Connection connection, WholePeriod period)
      throws SQLException {
    return FactQuery.ofPeriod(PERIOD_TOTALS_SQL, period)
        .first(
            connection,
            row -> totals(row, row.getLong("unique_tracks"), row.getLong("unique_artists")))
        .orElse(new Totals(0, 0, 0, 0, 0, null, null, 0, 0));
  }

  private static Totals dayTotals(Connection connection, DashboardFilter filter)
      throws SQLException {
    long[] uniques =
        FactQuery.of(UNIQUES_SQL, filter)
            .first(connection, row -> new long[] {row.getLong("tracks"), row.getLong("artists")})
            .orElseThrow();
    return FactQuery.of(TOTALS_SQL, filter)
        .first(
            connection,
            row -> totals(row, uniques[0], uniques[1]))
        .orElseThrow();
  }

  /** The figures both reads share, with the distinct tracks and artists each counts its own way. */
  private static Totals totals(ResultSet row, long tracks, long artists) throws SQLException {
    return new Totals(
        row.getLong("plays"),
        row.getLong("skips"),
        row.getLong("listening_ms"),
        row.getLong("listeners"),
        row.getLong("days"),
        row.getObject("first_day", LocalDate.class),
        row.getObject("last_day", LocalDate.class),
        tracks,
        artists);
  }
}
