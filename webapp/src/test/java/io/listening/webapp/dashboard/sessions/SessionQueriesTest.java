package io.listening.webapp.dashboard.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FixtureWarehouse;
import io.listening.webapp.dashboard.Formats;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionQueriesTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  @Test
  void sessionsFallIntoLengthBucketsAndTheLongestComesFirst() {
    SessionQueries queries = new SessionQueries(fixture.warehouse());
    // 10 min, 20 min, 90 min: under 15, 15 to 30, 1 h to 2 h.
    assertThat(queries.lengthDistribution(DashboardFilter.everything())).containsExactly(1, 1, 0, 1, 0, 0);
    assertThat(queries.longest(DashboardFilter.everything()))
        .extracting(SessionQueries.Session::lengthMs)
        .containsExactly(5_400_000L, 1_200_000L, 600_000L);
    assertThat(queries.longest(DashboardFilter.everything()).get(0).localStart())
        .isEqualTo(LocalDateTime.of(2024, 12, 1, 9, 0));
    assertThat(queries.lengthDistribution(DashboardFilter.everything().withUser("bob"))).containsExactly(0, 1, 0, 0, 0, 0);
    assertThat(SessionsView.bucketLabels()).containsExactly(
        "under 15 min", "15 min to 30 min", "30 min to 1 h", "1 h to 2 h", "2 h to 4 h", "4 h or more");
  }

  @Test
  void aSessionStartsAtItsOwnMinuteInTheListenersZone() {
    assertThat(SessionQueries.localStart(LocalDateTime.of(2020, 3, 17, 3, 26, 57), "Europe/Berlin"))
        .isEqualTo(LocalDateTime.of(2020, 3, 17, 4, 26, 57));
    assertThat(SessionQueries.localStart(LocalDateTime.of(2024, 7, 1, 23, 30), "America/New_York"))
        .isEqualTo(LocalDateTime.of(2024, 7, 1, 19, 30));
    assertThat(Formats.localMinute(LocalDateTime.of(2020, 3, 17, 4, 26, 57))).isEqualTo("17 Mar 2020, 04:26");
  }
}
