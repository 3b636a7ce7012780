package io.listening.webapp.dashboard.skips;

import static io.listening.webapp.dashboard.DashboardWarehouse.BLUE_MONDAY;
import static io.listening.webapp.dashboard.DashboardWarehouse.NEVER_GONNA;
import static io.listening.webapp.dashboard.DashboardWarehouse.TAKE_ON_ME;
import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FixtureWarehouse;
import io.listening.webapp.dashboard.Ranked;
import io.listening.webapp.dashboard.DashboardWarehouse.SameDays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SkipQueriesTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  @Test
  void theMostSkippedTrackComesFirstAndHoursCountSkips() {
    SkipQueries queries = new SkipQueries(fixture.warehouse());
    assertThat(queries.tracks(DashboardFilter.everything()))
        .extracting(Ranked::id)
        .first()
        .isEqualTo(BLUE_MONDAY); // 3 skips of 4 streams
    assertThat(queries.tracks(DashboardFilter.everything()).get(0).skipRate()).isEqualTo(0.75);
    long[][] hours = queries.hours(DashboardFilter.everything());
    assertThat(hours[7]).containsExactly(1, 3);
    assertThat(hours[9]).containsExactly(8, 3);
    assertThat(hours[0]).containsExactly(0, 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.listening.webapp.dashboard.DashboardWarehouse#wholePeriodsAndTheirDays")
  void aWholePeriodReadFromItsRollUpHasTheSkipRatesOfItsDays(SameDays period) {
    SkipQueries queries = new SkipQueries(fixture.warehouse());
    assertThat(queries.tracks(period.wholePeriod())).isEqualTo(queries.tracks(period.days()));
    assertThat(queries.artists(period.wholePeriod())).isEqualTo(queries.artists(period.days()));
  }

  @Test
  void allTimeRanksTheTracksWithEnoughStreamsOfTheRollUp() {
    // Never Gonna Give You Up 3 skips of 11, Take On Me 1 of 7, Blue Monday 3 of 4.
    assertThat(new SkipQueries(fixture.warehouse()).tracks(DashboardFilter.everything()))
        .extracting(Ranked::id)
        .containsExactly(
            BLUE_MONDAY, NEVER_GONNA, TAKE_ON_ME);
  }
}
