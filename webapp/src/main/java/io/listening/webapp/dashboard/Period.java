package io.listening.webapp.dashboard;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The time ranges the filter offers: the whole calendar period that contains today (today, this
 * week from Monday, this month, this year; {@link WholePeriod} says where each begins and ends),
 * all time, or custom dates.
 */
public enum Period {
  TODAY("today", "Today", null),
  WEEK("week", "This week", WholePeriod.Kind.WEEK),
  MONTH("month", "This month", WholePeriod.Kind.MONTH),
  YEAR("year", "This year", WholePeriod.Kind.YEAR),
  ALL("all", "All time", WholePeriod.Kind.ALL_TIME),
  CUSTOM("custom", "Custom dates", null);

  private final String parameter;
  private final String label;
  private final WholePeriod.@Nullable Kind kind;

  Period(String parameter, String label, WholePeriod.@Nullable Kind kind) {
    this.parameter = parameter;
    this.label = label;
    this.kind = kind;
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

  /** The kind of whole period this preset selects; empty for today and custom dates. */
  Optional<WholePeriod.Kind> kind() {
    return Optional.ofNullable(kind);
  }
}
