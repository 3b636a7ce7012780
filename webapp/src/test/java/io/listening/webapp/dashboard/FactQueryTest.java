package io.listening.webapp.dashboard;

import static io.listening.webapp.dashboard.DashboardWarehouse.ALICE_PLAYS;
import static io.listening.webapp.dashboard.DashboardWarehouse.EARLY_DECEMBER_PLAYS;
import static io.listening.webapp.dashboard.DashboardWarehouse.PLAYS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FactQueryTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  private long plays(DashboardFilter filter) {
    return fixture
        .warehouse()
        .read(
            (connection, build) ->
                FactQuery.of(
                        "select coalesce(sum(plays), 0) as plays from gold.daily_listening_stats"
                            + " where {filter} and plays >= ?",
                        filter)
                    .with(0)
                    .first(connection, row -> row.getLong("plays"))
                    .orElseThrow());
  }

  @Test
  void theFilterSelectsDaysBothEndsIncludedAndTheListener() {
    assertThat(plays(DashboardFilter.everything())).isEqualTo(PLAYS);
    assertThat(plays(DashboardFilter.everything().withUser("alice"))).isEqualTo(ALICE_PLAYS);
    assertThat(
            plays(
                new DashboardFilter(
                    Period.CUSTOM, LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 2), null)))
        .isEqualTo(EARLY_DECEMBER_PLAYS);
    assertThat(plays(new DashboardFilter(Period.CUSTOM, LocalDate.of(2024, 12, 2), null, "alice")))
        .isEqualTo(3);
  }

  @Test
  void aListenerWithNoPlaysInTheRangeGetsZeroNotAnError() {
    assertThat(plays(DashboardFilter.everything().withUser("nobody"))).isZero();
  }
}
