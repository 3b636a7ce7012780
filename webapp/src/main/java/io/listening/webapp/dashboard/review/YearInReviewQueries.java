package io.listening.webapp.dashboard.review;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FactQuery;
import io.listening.webapp.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Rows of gold.year_in_review for the years the range touches. */
@Service
class YearInReviewQueries {

  private static final String YEARS_SQL =
      """
      select user_id, listen_year, listening_minutes, plays, skips, unique_tracks, unique_artists,
             top_tracks, top_artists, active_days, longest_streak_days, longest_streak_start,
             longest_streak_end, new_tracks, new_artists
      from gold.year_in_review
      where {filter}
      order by listen_year desc, listening_minutes desc, user_id
      """;

  /** One listener's year. */
  record Year(
      String userId,
      int year,
      double minutes,
      long plays,
      long skips,
      long uniqueTracks,
      long uniqueArtists,
      @Nullable String topTracks,
      @Nullable String topArtists,
      long activeDays,
      long longestStreakDays,
      @Nullable LocalDate streakStart,
      @Nullable LocalDate streakEnd,
      long newTracks,
      long newArtists) {}

  private final Warehouse warehouse;

  YearInReviewQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  List<Year> years(DashboardFilter filter) {
    // A year is in the range when any of its days is: its 1 January lies between the 1 January of
    // the range's first day and the range's last day.
    DashboardFilter byYear =
        new DashboardFilter(
            filter.period(),
            filter.from() == null ? null : filter.from().withDayOfYear(1),
            filter.to(),
            filter.userId());
    return warehouse.read(
        (connection, build) ->
            FactQuery.of(YEARS_SQL, byYear, "make_date(listen_year, 1, 1)")
                .list(
                    connection,
                    row ->
                        new Year(
                            row.getString("user_id"),
                            row.getInt("listen_year"),
                            row.getDouble("listening_minutes"),
                            row.getLong("plays"),
                            row.getLong("skips"),
                            row.getLong("unique_tracks"),
                            row.getLong("unique_artists"),
                            row.getString("top_tracks"),
                            row.getString("top_artists"),
                            row.getLong("active_days"),
                            row.getLong("longest_streak_days"),
                            row.getObject("longest_streak_start", LocalDate.class),
                            row.getObject("longest_streak_end", LocalDate.class),
                            row.getLong("new_tracks"),
                            row.getLong("new_artists"))));
  }
}
