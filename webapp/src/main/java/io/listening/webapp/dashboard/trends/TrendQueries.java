package io.listening.webapp.dashboard.trends;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FactQuery;
import io.listening.webapp.warehouse.Warehouse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Daily totals from gold.daily_listening_stats; weeks and months are added up from them. */
@Service
class TrendQueries {

  private static final String DAILY_SQL =
      """
      select listen_date, sum(plays) as plays, sum(listening_ms) as listening_ms
      from gold.daily_listening_stats
      where {filter}
      group by listen_date
      order by listen_date
      """;

  private final Warehouse warehouse;

  TrendQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * Every day from the first to the last day with music in the range, zeros on days without, so a
   * chart's axis is true to time.
   */
  List<DayTotals> daily(DashboardFilter filter) {
    List<DayTotals> days =
        warehouse.read(
            (connection, build) ->
                FactQuery.of(DAILY_SQL, filter)
                    .list(
                        connection,
                        row ->
                            new DayTotals(
                                row.getObject("listen_date", LocalDate.class),
                                row.getLong("plays"),
                                row.getLong("listening_ms"))));
    if (days.isEmpty()) {
      return days;
    }
    Map<LocalDate, DayTotals> byDay =
        days.stream().collect(Collectors.toMap(DayTotals::day, d -> d));
    List<DayTotals> filled = new ArrayList<>();
    LocalDate last = days.get(days.size() - 1).day();
    for (LocalDate day = days.get(0).day(); !day.isAfter(last); day = day.plusDays(1)) {
      filled.add(byDay.getOrDefault(day, new DayTotals(day, 0, 0)));
    }
    return filled;
  }

  /** Days added up by ISO week (from Monday); the label day is the week's Monday. */
  static List<DayTotals> weekly(List<DayTotals> days) {
    return rollUp(days, day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
  }

  /** Days added up by calendar month; the label day is the 1st. */
  static List<DayTotals> monthly(List<DayTotals> days) {
    return rollUp(days, day -> day.withDayOfMonth(1));
  }

  private static List<DayTotals> rollUp(List<DayTotals> days, UnaryOperator<LocalDate> periodStart) {
    Map<LocalDate, DayTotals> periods = new TreeMap<>();
    for (DayTotals day : days) {
      LocalDate start = periodStart.apply(day.day());
      periods.merge(start, new DayTotals(start, day.plays(), day.listeningMs()), DayTotals::plus);
    }
    return List.copyOf(periods.values());
  }
}
