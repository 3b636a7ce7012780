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

  private String source(DashboardFilter filter) {
    return fixture
        .warehouse()
        .read(
            (connection, build) ->
                FactQuery.of(
                        filter,
                        "select 'roll-up ' || plays as source from gold.period_listening_totals"
                            + " where {period} and plays >= ?",
                        "select 'days ' || sum(plays) as source from gold.daily_listening_stats"
                            + " where {filter} and plays >= ?")
                    .with(0)
                    .first(connection, row -> row.getString("source"))
                    .orElseThrow());
  }

  @Test
  void aWholePeriodForEveryoneReadsItsRollUpAndAnythingElseTheDays() {
    assertThat(source(DashboardFilter.everything())).isEqualTo("roll-up " + PLAYS);
    assertThat(
            source(
                new DashboardFilter(
                    Period.CUSTOM, LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 8), null)))
        .isEqualTo("roll-up 7");
    assertThat(source(DashboardFilter.everything().withUser("alice")))
        .isEqualTo("days " + ALICE_PLAYS);
    assertThat(
            source(
                new DashboardFilter(
                    Period.CUSTOM, LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 2), null)))
        .isEqualTo("days " + EARLY_DECEMBER_PLAYS);
  }

  @Test
  void aListenerWithNoPlaysInTheRangeGetsZeroNotAnError() {
    assertThat(plays(DashboardFilter.everything().withUser("nobody"))).isZero();
  }
}
