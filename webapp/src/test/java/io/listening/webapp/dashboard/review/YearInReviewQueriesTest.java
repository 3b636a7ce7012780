package io.listening.webapp.dashboard.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FixtureWarehouse;
import io.listening.webapp.dashboard.Period;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class YearInReviewQueriesTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  @Test
  void aYearIsShownWhenTheRangeTouchesAnyOfItsDays() {
    YearInReviewQueries queries = new YearInReviewQueries(fixture.warehouse());
    assertThat(queries.years(DashboardFilter.everything()))
        .extracting(YearInReviewQueries.Year::userId)
        .containsExactly("alice", "bob");
    assertThat(
            queries.years(
                new DashboardFilter(Period.CUSTOM, LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 5), "alice")))
        .extracting(YearInReviewQueries.Year::year)
        .containsExactly(2024);
    assertThat(queries.years(new DashboardFilter(Period.CUSTOM, LocalDate.of(2025, 1, 1), null, null))).isEmpty();
  }
}
