package io.listening.webapp.dashboard.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DashboardWarehouse;
import io.listening.webapp.dashboard.FixtureWarehouse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TrendQueriesTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  @Test
  void everyDayBetweenTheFirstAndLastIsThereAndWeeksAndMonthsAddUp() {
    List<DayTotals> days = new TrendQueries(fixture.warehouse()).daily(DashboardFilter.everything());
    assertThat(days).hasSize(16); // 20 Nov to 5 Dec
    assertThat(days.get(1)).isEqualTo(new DayTotals(LocalDate.of(2024, 11, 21), 0, 0));
    assertThat(days.stream().mapToLong(DayTotals::plays).sum()).isEqualTo(DashboardWarehouse.PLAYS);
    assertThat(TrendQueries.monthly(days))
        .extracting(DayTotals::day, DayTotals::plays)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 11, 1), 1L),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 12, 1), 14L));
    // Weeks from Monday: 18 Nov, 25 Nov (nothing but zeros), 2 Dec; 1 Dec is in the week of 25 Nov.
    assertThat(TrendQueries.weekly(days))
        .extracting(DayTotals::day, DayTotals::plays)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 11, 18), 1L),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 11, 25), 7L),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 12, 2), 7L));
  }
}
