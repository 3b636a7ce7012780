package io.listening.webapp.dashboard.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FixtureWarehouse;
import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClockQueriesTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  @Test
  void playsLandOnTheirLocalWeekdayAndHour() {
    WeekClock clock = new ClockQueries(fixture.warehouse()).clock(DashboardFilter.everything());
    // 2024-12-01 is a Sunday, 2024-12-05 a Thursday: alice at 09 on both.
    assertThat(clock.plays(DayOfWeek.SUNDAY, 9)).isEqualTo(5);
    assertThat(clock.plays(DayOfWeek.THURSDAY, 9)).isEqualTo(3);
    assertThat(clock.plays(DayOfWeek.MONDAY, 18)).isEqualTo(4);
    assertThat(clock.plays(DayOfWeek.MONDAY, 9)).isZero();
    assertThat(clock.maxPlays()).isEqualTo(5);
  }
}
