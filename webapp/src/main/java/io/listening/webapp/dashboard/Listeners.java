package io.listening.webapp.dashboard;

import io.listening.webapp.warehouse.Warehouse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** The listeners the user filter offers, and today's date for the filter's periods. */
@Service
public class Listeners {

  private static final String LISTENERS_SQL =
      "select distinct user_id from gold.daily_user_stats order by user_id";

  private final Warehouse warehouse;
  private final DashboardProperties properties;
  private final Clock clock;

  @Autowired
  Listeners(Warehouse warehouse, DashboardProperties properties) {
    this(warehouse, properties, Clock.systemUTC());
  }

  Listeners(Warehouse warehouse, DashboardProperties properties, Clock clock) {
    this.warehouse = warehouse;
    this.properties = properties;
    this.clock = clock;
  }

  /** Every user with a stream, in id order. */
  public List<String> all() {
    return warehouse.read(
        (connection, build) ->
            FactQuery.of(LISTENERS_SQL, DashboardFilter.everything())
                .list(connection, row -> row.getString("user_id")));
  }

  public LocalDate today() {
    return properties.today(clock);
  }
}
