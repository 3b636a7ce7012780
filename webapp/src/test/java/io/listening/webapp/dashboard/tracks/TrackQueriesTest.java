package io.listening.webapp.dashboard.tracks;

import static io.listening.webapp.dashboard.DashboardWarehouse.NEVER_GONNA;
import static io.listening.webapp.dashboard.DashboardWarehouse.TAKE_ON_ME;
import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DayHistory;
import io.listening.webapp.dashboard.FixtureWarehouse;
import io.listening.webapp.dashboard.Ranked;
import java.time.LocalDate;
import io.listening.webapp.dashboard.DashboardWarehouse.SameDays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TrackQueriesTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  private TrackQueries queries() {
    return new TrackQueries(fixture.warehouse());
  }

  @Test
  void topTracksRankByPlaysOverTheRange() {
    assertThat(queries().top(DashboardFilter.everything()))
        .extracting(Ranked::name, Ranked::plays, Ranked::listeners)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Never Gonna Give You Up", 8L, 1L),
            org.assertj.core.groups.Tuple.tuple("Take On Me", 6L, 2L),
            org.assertj.core.groups.Tuple.tuple("Blue Monday", 1L, 1L));
    assertThat(queries().top(DashboardFilter.everything().withUser("bob")))
        .extracting(Ranked::id)
        .first()
        .isEqualTo(TAKE_ON_ME);
  }

  @Test
  void aTracksPageHasItsFiguresHistoryAndArtist() {
    Ranked track = queries().track(DashboardFilter.everything(), NEVER_GONNA).get(0);
    assertThat(track.plays()).isEqualTo(8);
    assertThat(track.skipRate()).isEqualTo(3.0 / 11);
    assertThat(queries().history(DashboardFilter.everything(), NEVER_GONNA))
        .extracting(DayHistory::day)
        .containsExactly(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 5));
    assertThat(queries().artistKey(NEVER_GONNA)).isEqualTo("rick astley");
    assertThat(queries().track(DashboardFilter.everything().withUser("bob"), NEVER_GONNA)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.listening.webapp.dashboard.DashboardWarehouse#wholePeriodsAndTheirDays")
  void aWholePeriodReadFromItsRollUpHasTheFiguresOfItsDays(SameDays period) {
    assertThat(queries().top(period.wholePeriod()))
        .isNotEmpty()
        .isEqualTo(queries().top(period.days()));
    for (String track : java.util.List.of(NEVER_GONNA, TAKE_ON_ME)) {
      assertThat(queries().track(period.wholePeriod(), track))
          .isEqualTo(queries().track(period.days(), track));
    }
  }
}
