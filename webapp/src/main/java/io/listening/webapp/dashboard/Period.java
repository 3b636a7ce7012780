package io.listening.webapp.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/** The time ranges the filter offers; calendar periods that contain today, or custom dates. */
public enum Period {
  TODAY("today", "Today"),
  WEEK("week", "This week"),
  MONTH("month", "This month"),
  YEAR("year", "This year"),
  ALL("all", "All time"),
  CUSTOM("custom", "Custom dates");

  private final String parameter;
  private final String label;

  Period(String parameter, String label) {
    this.parameter = parameter;
    this.label = label;
  }

  /** The value of the {@code range} URL parameter. */
  public String parameter() {
    return parameter;
  }

  public String label() {
    return label;
  }

  static Optional<Period> ofParameter(String value) {
    return Arrays.stream(values()).filter(p -> p.parameter.equals(value)).findFirst();
  }

  /** First day of the period containing {@code today}; empty for all time and custom dates. */
  Optional<LocalDate> firstDay(LocalDate today) {
    return switch (this) {
      case TODAY -> Optional.of(today);
      case WEEK -> Optional.of(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
      case MONTH -> Optional.of(today.withDayOfMonth(1));
      case YEAR -> Optional.of(today.withDayOfYear(1));
      case ALL, CUSTOM -> Optional.empty();
    };
  }
}
