package io.listening.webapp.dashboard.skips;

import static io.listening.webapp.dashboard.DashboardWarehouse.BLUE_MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FixtureWarehouse;
import io.listening.webapp.dashboard.Ranked;
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
}
