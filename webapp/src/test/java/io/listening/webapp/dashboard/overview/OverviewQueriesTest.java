package io.listening.webapp.dashboard.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DashboardWarehouse;
import io.listening.webapp.dashboard.FixtureWarehouse;
import io.listening.webapp.dashboard.Period;
import java.time.LocalDate;
import io.listening.webapp.dashboard.DashboardWarehouse.SameDays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OverviewQueriesTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  private Overview overview(DashboardFilter filter) {
    return new OverviewQueries(fixture.warehouse()).overview(filter);
  }

  @Test
  void allTimeAddsUpEveryListenersMusic() {
    Overview overview = overview(DashboardFilter.everything());
    assertThat(overview.plays()).isEqualTo(DashboardWarehouse.PLAYS);
    assertThat(overview.skips()).isEqualTo(DashboardWarehouse.SKIPS);
    assertThat(overview.listeningMs()).isEqualTo(DashboardWarehouse.LISTENING_MS);
    assertThat(overview.uniqueTracks()).isEqualTo(3);
    assertThat(overview.uniqueArtists()).isEqualTo(3);
    assertThat(overview.listeners()).isEqualTo(2);
    assertThat(overview.firstDay()).isEqualTo(LocalDate.of(2024, 11, 20));
    assertThat(overview.lastDay()).isEqualTo(LocalDate.of(2024, 12, 5));
  }

  @Test
  void gapsAreRunsOfDaysWithoutAnyStreamAndAPodcastDayIsNotOne() {
    Overview overview = overview(DashboardFilter.everything());
    assertThat(overview.gaps())
        .containsExactly(
            new Overview.Gap(LocalDate.of(2024, 11, 21), LocalDate.of(2024, 11, 30), 10),
            new Overview.Gap(LocalDate.of(2024, 12, 4), LocalDate.of(2024, 12, 4), 1));
    assertThat(overview.gapCount()).isEqualTo(2);
    assertThat(overview.gapDays()).isEqualTo(11);
    // alice: music on the 1st and 5th, a podcast on the 3rd.
    assertThat(overview(DashboardFilter.everything().withUser("alice")).gaps())
        .extracting(Overview.Gap::firstDay)
        .containsExactly(LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 4));
  }

  @Test
  void aRangeAndAListenerNarrowEveryFigure() {
    Overview overview =
        overview(new DashboardFilter(Period.CUSTOM, LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 2), "bob"));
    assertThat(overview.plays()).isEqualTo(4);
    assertThat(overview.uniqueTracks()).isEqualTo(1);
    assertThat(overview.listeners()).isEqualTo(1);
    assertThat(overview.gaps()).isEmpty();
  }

  @Test
  void aRangeWithoutMusicIsEmpty() {
    assertThat(
            overview(new DashboardFilter(Period.CUSTOM, LocalDate.of(2024, 12, 3), LocalDate.of(2024, 12, 4), null))
                .isEmpty())
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.listening.webapp.dashboard.DashboardWarehouse#wholePeriodsAndTheirDays")
  void aWholePeriodReadFromItsRollUpHasTheFiguresOfItsDays(SameDays period) {
    Overview whole = overview(period.wholePeriod());
    assertThat(whole.isEmpty()).isFalse();
    assertThat(whole).isEqualTo(overview(period.days()));
  }
}
