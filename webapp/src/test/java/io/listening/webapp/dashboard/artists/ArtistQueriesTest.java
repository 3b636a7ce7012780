package io.listening.webapp.dashboard.artists;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FixtureWarehouse;
import io.listening.webapp.dashboard.Ranked;
import io.listening.webapp.dashboard.DashboardWarehouse.SameDays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ArtistQueriesTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  @Test
  void artistsRankByPlaysAndListTheirTracks() {
    ArtistQueries queries = new ArtistQueries(fixture.warehouse());
    assertThat(queries.top(DashboardFilter.everything()))
        .extracting(Ranked::id, Ranked::plays)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("rick astley", 8L),
            org.assertj.core.groups.Tuple.tuple("a-ha", 6L),
            org.assertj.core.groups.Tuple.tuple("new order", 1L));
    assertThat(queries.artist(DashboardFilter.everything(), "a-ha").get(0).listeners()).isEqualTo(2);
    assertThat(queries.tracks(DashboardFilter.everything(), "a-ha")).extracting(Ranked::name).containsExactly("Take On Me");
    assertThat(queries.history(DashboardFilter.everything().withUser("alice"), "a-ha")).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.listening.webapp.dashboard.DashboardWarehouse#wholePeriodsAndTheirDays")
  void aWholePeriodReadFromItsRollUpHasTheFiguresOfItsDays(SameDays period) {
    ArtistQueries queries = new ArtistQueries(fixture.warehouse());
    assertThat(queries.top(period.wholePeriod()))
        .isNotEmpty()
        .isEqualTo(queries.top(period.days()));
    for (String artist : java.util.List.of("rick astley", "a-ha")) {
      assertThat(queries.artist(period.wholePeriod(), artist))
          .isEqualTo(queries.artist(period.days(), artist));
    }
  }
}
