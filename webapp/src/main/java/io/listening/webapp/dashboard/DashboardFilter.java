package io.listening.webapp.dashboard;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What every page shows: a range of local days (both ends included, either open) and everyone or
 * one listener. Kept in the URL as {@code range}, {@code from}, {@code to} and {@code user}, so a
 * view can be bookmarked and shared; {@code from}/{@code to} only with {@code range=custom}.
 *
 * @param from first local day, or null for no lower bound
 * @param to last local day, or null for no upper bound
 * @param userId the listener, or null for everyone
 */
public record DashboardFilter(
    Period period, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String userId) {

  public static final String RANGE = "range";
  public static final String FROM = "from";
  public static final String TO = "to";
  public static final String USER = "user";

  private static final int MAX_USER_ID_LENGTH = 200;

  public DashboardFilter {
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidFilterException("The range starts on " + from + ", after its end " + to + ".");
    }
    if (userId != null && (userId.isBlank() || userId.length() > MAX_USER_ID_LENGTH)) {
      throw new InvalidFilterException("user must be 1 to " + MAX_USER_ID_LENGTH + " characters.");
    }
  }

  /** All time, everyone: what a page shows without parameters. */
  public static DashboardFilter everything() {
    return new DashboardFilter(Period.ALL, null, null, null);
  }

  /**
   * The filter of the preset {@code period}: the whole period that contains {@code today}, so that
   * a preset is exactly a period gold rolls up; just today for {@link Period#TODAY}; no bounds for
   * custom dates.
   */
  public static DashboardFilter of(Period period, LocalDate today, @Nullable String userId) {
    if (period == Period.TODAY) {
      return new DashboardFilter(period, today, today, userId);
    }
    return period
        .kind()
        .map(kind -> WholePeriod.containing(kind, today))
        .map(whole -> new DashboardFilter(period, whole.firstDay(), whole.lastDay(), userId))
        .orElseGet(() -> new DashboardFilter(period, null, null, userId));
  }

  /**
   * The whole period gold has a roll-up of for this filter: only for everyone (the roll-ups hold
   * no listener's rows; one listener's days are few and stored together) and only when the range
   * is exactly such a period, whether a preset or custom dates chose it.
   */
  public Optional<WholePeriod> wholePeriodForEveryone() {
    return userId == null ? WholePeriod.of(from, to) : Optional.empty();
  }

  /**
   * Reads the URL's parameters; a missing {@code range} is all time.
   *
   * @throws InvalidFilterException naming the parameter that cannot be read
   */
  public static DashboardFilter fromQuery(QueryParameters query, LocalDate today) {
    String range = single(query, RANGE).orElse(Period.ALL.parameter());
    Period period =
        Period.ofParameter(range)
            .orElseThrow(
                () ->
                    new InvalidFilterException(
                        "range must be one of today, week, month, year, all or custom, not '"
                            + range
                            + "'."));
    String userId = single(query, USER).orElse(null);
    if (period != Period.CUSTOM) {
      return of(period, today, userId);
    }
    return new DashboardFilter(
        period, date(query, FROM).orElse(null), date(query, TO).orElse(null), userId);
  }

  public QueryParameters toQuery() {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (period != Period.ALL) {
      parameters.put(RANGE, period.parameter());
    }
    if (period == Period.CUSTOM && from != null) {
      parameters.put(FROM, from.toString());
    }
    if (period == Period.CUSTOM && to != null) {
      parameters.put(TO, to.toString());
    }
    if (userId != null) {
      parameters.put(USER, userId);
    }
    return QueryParameters.simple(parameters);
  }

  public DashboardFilter withUser(@Nullable String user) {
    return new DashboardFilter(period, from, to, user);
  }

  /** The range in words, e.g. "All time" or "2024-11-01 to 2024-11-30". */
  public String describeRange() {
    if (period != Period.CUSTOM) {
      return period.label();
    }
    return (from == null ? "the first day" : Formats.date(from))
        + " to "
        + (to == null ? "the last day" : Formats.date(to));
  }

  private static Optional<String> single(QueryParameters query, String name) {
    List<String> values = query.getParameters().getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw new InvalidFilterException(name + " is given " + values.size() + " times.");
    }
    return values.stream().filter(v -> !v.isEmpty()).findFirst();
  }

  private static Optional<LocalDate> date(QueryParameters query, String name) {
    Optional<String> value = single(query, name);
    try {
      return value.map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      throw new InvalidFilterException(
          name + " must be a date like 2024-12-31, not '" + value.orElseThrow() + "'.");
    }
  }
}
