package io.listening.webapp.dashboard.clock;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FactQuery;
import io.listening.webapp.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/** Plays per local weekday and hour from gold.hourly_listening. */
@Service
class ClockQueries {

  private static final String CLOCK_SQL =
      """
      select listen_weekday, listen_hour, sum(plays) as plays, sum(listening_ms) as listening_ms
      from gold.hourly_listening
      where {filter}
      group by listen_weekday, listen_hour
      """;

  private final Warehouse warehouse;

  ClockQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** The week's 7 x 24 cells; hours without a stream are zero. */
  WeekClock clock(DashboardFilter filter) {
    return warehouse.read(
        (connection, build) -> {
          WeekClock clock = new WeekClock();
          FactQuery.of(CLOCK_SQL, filter)
              .list(
                  connection,
                  row -> {
                    clock.add(
                        row.getInt("listen_weekday"),
                        row.getInt("listen_hour"),
                        row.getLong("plays"),
                        row.getLong("listening_ms"));
                    return row;
                  });
          return clock;
        });
  }
}
