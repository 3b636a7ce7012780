package io.listening.webapp.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.webapp.dashboard.WholePeriod.Kind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WholePeriodTest {

  @Test
  void noBoundsIsAllTimeAsGoldStoresIt() {
    assertThat(WholePeriod.of(null, null)).contains(WholePeriod.ALL_TIME);
    assertThat(WholePeriod.ALL_TIME.kind().periodType()).isEqualTo("all_time");
    assertThat(WholePeriod.ALL_TIME.start()).isEqualTo(LocalDate.of(1970, 1, 1));
    assertThat(WholePeriod.ALL_TIME.firstDay()).isNull();
    assertThat(WholePeriod.ALL_TIME.lastDay()).isNull();
  }

  @Test
  void aRangeFromAPeriodsFirstToItsLastDayIsThatPeriod() {
    assertThat(WholePeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
        .contains(new WholePeriod(Kind.YEAR, LocalDate.of(2024, 1, 1)));
    // A leap year's February.
    assertThat(WholePeriod.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)))
        .contains(new WholePeriod(Kind.MONTH, LocalDate.of(2024, 2, 1)));
    // Monday 30 December 2024 to Sunday 5 January 2025: the ISO week crosses the new year.
    assertThat(WholePeriod.of(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 5)))
        .contains(new WholePeriod(Kind.WEEK, LocalDate.of(2024, 12, 30)));
  }

  @Test
  void anyOtherRangeIsNoWholePeriod() {
    assertThat(WholePeriod.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 28))).isEmpty();
    // Sunday to Saturday: seven days, but not an ISO week.
    assertThat(WholePeriod.of(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 7))).isEmpty();
    assertThat(WholePeriod.of(LocalDate.of(2024, 12, 5), LocalDate.of(2024, 12, 5))).isEmpty();
    assertThat(WholePeriod.of(LocalDate.of(2024, 1, 1), null)).isEmpty();
    assertThat(WholePeriod.of(null, LocalDate.of(2024, 12, 31))).isEmpty();
  }

  @Test
  void thePeriodContainingADayStartsOnItsFirstDay() {
    LocalDate thursday = LocalDate.of(2024, 12, 5);
    assertThat(WholePeriod.containing(Kind.WEEK, thursday))
        .extracting(WholePeriod::firstDay, WholePeriod::lastDay)
        .containsExactly(LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 8));
    assertThat(WholePeriod.containing(Kind.MONTH, thursday).lastDay())
        .isEqualTo(LocalDate.of(2024, 12, 31));
    assertThatThrownBy(() -> new WholePeriod(Kind.MONTH, thursday))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
