package io.listening.webapp.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A whole calendar period of local days, as gold's period roll-ups ({@code
 * gold.period_*_listening}, {@code period_listening_totals}) are cut: all time, a year, a month
 * or an ISO week from Monday. The Java home of the rule whose dbt home is the macro {@code
 * listening_periods} (dbt/macros/gold.sql); the days are each listener's own, as gold computes
 * them, so a period is the same calendar period in every listener's zone.
 *
 * @param kind what sort of period
 * @param start its first day; 1970-01-01 for all time, as gold stores it
 */
public record WholePeriod(Kind kind, LocalDate start) {

  /** gold's {@code period_start} of the all-time rows (macro {@code all_time_period_start}). */
  static final LocalDate ALL_TIME_START = LocalDate.of(1970, 1, 1);

  public static final WholePeriod ALL_TIME = new WholePeriod(Kind.ALL_TIME, ALL_TIME_START);

  /** The kinds of period gold rolls up, with gold's {@code period_type}. */
  public enum Kind {
    ALL_TIME("all_time"),
    YEAR("year"),
    MONTH("month"),
    WEEK("week");

    private final String periodType;

    Kind(String periodType) {
      this.periodType = periodType;
    }

    /** gold's {@code period_type}. */
    public String periodType() {
      return periodType;
    }

    LocalDate firstDay(LocalDate day) {
      return switch (this) {
        case ALL_TIME -> ALL_TIME_START;
        case YEAR -> day.withDayOfYear(1);
        case MONTH -> day.withDayOfMonth(1);
        case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      };
    }

    LocalDate lastDay(LocalDate first) {
      return switch (this) {
        case ALL_TIME -> LocalDate.MAX;
        case YEAR -> first.plusYears(1).minusDays(1);
        case MONTH -> first.plusMonths(1).minusDays(1);
        case WEEK -> first.plusDays(6);
      };
    }
  }

  private static final List<Kind> BOUNDED = List.of(Kind.YEAR, Kind.MONTH, Kind.WEEK);

  public WholePeriod {
    if (!kind.firstDay(start).equals(start)) {
      throw new IllegalArgumentException(start + " is not the first day of a " + kind.periodType);
    }
  }

  /** The period of {@code kind} that contains {@code day}. */
  public static WholePeriod containing(Kind kind, LocalDate day) {
    return new WholePeriod(kind, kind.firstDay(day));
  }

  /**
   * The period that is exactly the days {@code from} to {@code to} (both included, null for no
   * bound), if there is one: no bounds is all time; a year, month or ISO week from its first to
   * its last day is that period. Any other range is none, and is read from the day-level tables.
   */
  public static Optional<WholePeriod> of(@Nullable LocalDate from, @Nullable LocalDate to) {
    if (from == null && to == null) {
      return Optional.of(ALL_TIME);
    }
    if (from == null || to == null) {
      return Optional.empty();
    }
    return BOUNDED.stream()
        .filter(kind -> kind.firstDay(from).equals(from) && kind.lastDay(from).equals(to))
        .findFirst()
        .map(kind -> new WholePeriod(kind, from));
  }

  /** The first day, or null for all time (no lower bound). */
  public @Nullable LocalDate firstDay() {
    return kind == Kind.ALL_TIME ? null : start;
  }

  /** The last day, or null for all time (no upper bound). */
  public @Nullable LocalDate lastDay() {
    return kind == Kind.ALL_TIME ? null : kind.lastDay(start);
  }
}
