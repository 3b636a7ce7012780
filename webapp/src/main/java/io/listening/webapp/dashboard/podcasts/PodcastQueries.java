package io.listening.webapp.dashboard.podcasts;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FactQuery;
import io.listening.webapp.warehouse.Warehouse;
import java.util.List;
import org.springframework.stereotype.Service;

/** Podcast shows from gold.daily_podcast_listening. */
@Service
class PodcastQueries {

  static final int TOP = 20;

  private static final String SHOWS_SQL =
      """
      select show_name, sum(streams) as streams, sum(listening_ms) as listening_ms,
             count(distinct user_id) as listeners, count(distinct listen_date) as days
      from gold.daily_podcast_listening
      where {filter}
      group by show_name
      order by listening_ms desc, show_name
      limit ?
      """;

  private static final String TOTAL_SQL =
      """
      select coalesce(sum(listening_ms), 0) as listening_ms, count(distinct show_name) as shows
      from gold.daily_podcast_listening
      where {filter}
      """;

  /** One show in the range. */
  record Show(String name, long streams, long listeningMs, long listeners, long days) {}

  /** The shows most listened to, and the time and number of all shows in the range. */
  record Podcasts(List<Show> top, long listeningMs, long shows) {}

  private final Warehouse warehouse;

  PodcastQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  Podcasts podcasts(DashboardFilter filter) {
    return warehouse.read(
        (connection, build) -> {
          long[] total =
              FactQuery.of(TOTAL_SQL, filter)
                  .first(connection, row -> new long[] {row.getLong("listening_ms"), row.getLong("shows")})
                  .orElseThrow();
          return new Podcasts(top(connection, filter), total[0], total[1]);
        });
  }

  private static List<Show> top(java.sql.Connection connection, DashboardFilter filter)
      throws java.sql.SQLException {
    return FactQuery.of(SHOWS_SQL, filter)
                .with(TOP)
        .list(
            connection,
            row ->
                new Show(
                            row.getString("show_name"),
                            row.getLong("streams"),
                            row.getLong("listening_ms"),
                            row.getLong("listeners"),
                            row.getLong("days")));
  }
}
