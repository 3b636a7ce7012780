package io.listening.webapp.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void countsHaveThousandsSeparators() {
    assertThat(Formats.count(1_234_567)).isEqualTo("1,234,567");
    assertThat(Formats.count(0)).isEqualTo("0");
  }

  @Test
  void listeningTimeReadsInHoursAndMinutes() {
    assertThat(Formats.duration(45_000_000)).isEqualTo("12 h 30 min");
    assertThat(Formats.duration(3_600_000L * 1500 + 60_000 * 5)).isEqualTo("1,500 h 05 min");
    assertThat(Formats.duration(3_200_000)).isEqualTo("53 min");
    assertThat(Formats.duration(42_000)).isEqualTo("42 s");
  }

  @Test
  void datesAndSharesReadAsWords() {
    assertThat(Formats.date(LocalDate.of(2024, 12, 2))).isEqualTo("2 Dec 2024");
    assertThat(Formats.percent(0.3182)).isEqualTo("31.8%");
    assertThat(Formats.hours(45_000_000)).isEqualTo(12.5);
  }
}
