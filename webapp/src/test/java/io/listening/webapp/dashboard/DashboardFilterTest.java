package io.listening.webapp.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardFilterTest {

  private static final LocalDate THURSDAY = LocalDate.of(2024, 12, 5);

  private static DashboardFilter parse(String query) {
    return DashboardFilter.fromQuery(QueryParameters.fromString(query), THURSDAY);
  }

  @Test
  void noParametersMeansAllTimeForEveryone() {
    assertThat(parse("")).isEqualTo(new DashboardFilter(Period.ALL, null, null, null));
  }

  @Test
  void calendarPresetsAreTheWholePeriodThatContainsToday() {
    assertThat(parse("range=today")).extracting("from", "to").containsExactly(THURSDAY, THURSDAY);
    assertThat(parse("range=week"))
        .extracting("from", "to")
        .containsExactly(LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 8));
    assertThat(parse("range=month"))
        .extracting("from", "to")
        .containsExactly(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 31));
    assertThat(parse("range=year"))
        .extracting("from", "to")
        .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
  }

  @Test
  void presetsAndExactCustomPeriodsOverEveryoneReadAWholePeriod() {
    assertThat(parse("").wholePeriodForEveryone()).contains(WholePeriod.ALL_TIME);
    assertThat(parse("range=week").wholePeriodForEveryone())
        .contains(new WholePeriod(WholePeriod.Kind.WEEK, LocalDate.of(2024, 12, 2)));
    assertThat(parse("range=month").wholePeriodForEveryone())
        .contains(new WholePeriod(WholePeriod.Kind.MONTH, LocalDate.of(2024, 12, 1)));
    assertThat(parse("range=year").wholePeriodForEveryone())
        .contains(new WholePeriod(WholePeriod.Kind.YEAR, LocalDate.of(2024, 1, 1)));
    assertThat(parse("range=custom&from=2024-11-01&to=2024-11-30").wholePeriodForEveryone())
        .contains(new WholePeriod(WholePeriod.Kind.MONTH, LocalDate.of(2024, 11, 1)));
  }

  @Test
  void todayOneListenerAndOtherRangesReadTheDays() {
    assertThat(parse("range=today").wholePeriodForEveryone()).isEmpty();
    assertThat(parse("range=month&user=alice").wholePeriodForEveryone()).isEmpty();
    assertThat(parse("range=custom&from=2024-11-01&to=2024-11-29").wholePeriodForEveryone())
        .isEmpty();
    assertThat(parse("range=custom&from=2024-11-01").wholePeriodForEveryone()).isEmpty();
  }

  @Test
  void customDatesAndUserSurviveTheRoundTripThroughTheUrl() {
    DashboardFilter filter = parse("range=custom&from=2024-11-01&to=2024-11-30&user=alice");
    assertThat(filter)
        .isEqualTo(
            new DashboardFilter(
                Period.CUSTOM, LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 30), "alice"));
    assertThat(filter.toQuery().getQueryString())
        .isEqualTo("range=custom&from=2024-11-01&to=2024-11-30&user=alice");
    assertThat(DashboardFilter.fromQuery(filter.toQuery(), THURSDAY)).isEqualTo(filter);
  }

  @Test
  void aCalendarPeriodKeepsOnlyItsNameInTheUrlSoABookmarkMovesWithToday() {
    assertThat(parse("range=month&from=2020-01-01").toQuery().getQueryString())
        .isEqualTo("range=month");
  }

  @Test
  void brokenParametersAreNamedInTheError() {
    assertThatThrownBy(() -> parse("range=fortnight"))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("range must be one of")
        .hasMessageContaining("fortnight");
    assertThatThrownBy(() -> parse("range=custom&from=2024-13-01"))
        .hasMessageContaining("from must be a date like 2024-12-31");
    assertThatThrownBy(() -> parse("range=custom&from=2024-12-02&to=2024-12-01"))
        .hasMessageContaining("after its end");
    assertThatThrownBy(
            () ->
                DashboardFilter.fromQuery(
                    new QueryParameters(Map.of("user", List.of("a", "b"))), THURSDAY))
        .hasMessageContaining("user is given 2 times");
  }
}
