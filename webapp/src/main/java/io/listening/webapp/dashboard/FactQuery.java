package io.listening.webapp.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a read over a gold fact table with the filter applied. The SQL names the filter's place with
 * {@code {filter}}, which becomes a condition on the table's {@code listen_date} and {@code
 * user_id} (or {@code true}), or, over a period roll-up, with {@code {period}}, which becomes one
 * on its {@code period_type} and {@code period_start}; the values are bound as parameters, before
 * any of the caller's own.
 */
public final class FactQuery {

  /** Maps one row; may throw, as JDBC getters do. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final String sql;
  private final List<Object> parameters = new ArrayList<>();

  private FactQuery(String sql) {
    this.sql = sql;
  }

  /** {@code sql} with its {@code {filter}} on {@code dateColumn} and {@code user_id}. */
  public static FactQuery of(String sql, DashboardFilter filter, String dateColumn) {
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (filter.from() != null) {
      conditions.add(dateColumn + " >= ?");
      values.add(filter.from());
    }
    if (filter.to() != null) {
      conditions.add(dateColumn + " <= ?");
      values.add(filter.to());
    }
    if (filter.userId() != null) {
      conditions.add("user_id = ?");
      values.add(filter.userId());
    }
    String condition = conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    FactQuery query = new FactQuery(sql.replace("{filter}", "(" + condition + ")"));
    // The filter may appear more than once (a subquery and the outer query): bind it each time.
    int occurrences = sql.split("\\{filter}", -1).length - 1;
    for (int i = 0; i < occurrences; i++) {
      query.parameters.addAll(values);
    }
    return query;
  }

  /** {@code sql} with its {@code {filter}} on {@code listen_date} and {@code user_id}. */
  public static FactQuery of(String sql, DashboardFilter filter) {
    return of(sql, filter, "listen_date");
  }

  /** {@code sql} over a period roll-up, with its {@code {period}} on that one period's rows. */
  public static FactQuery ofPeriod(String sql, WholePeriod period) {
    FactQuery query = new FactQuery(sql.replace("{period}", "(period_type = ? and period_start = ?)"));
    int occurrences = sql.split("\\{period}", -1).length - 1;
    for (int i = 0; i < occurrences; i++) {
      query.parameters.add(period.kind().periodType());
      query.parameters.add(period.start());
    }
    return query;
  }

  /**
   * The read for {@code filter}: {@code wholePeriodSql} over gold's roll-up when the filter selects
   * a whole period for everyone ({@link DashboardFilter#wholePeriodForEveryone()}), else {@code
   * daySql} over the day-level facts. The two must give the same columns and, for a whole period,
   * the same rows; the caller binds its own values after either.
   */
  public static FactQuery of(DashboardFilter filter, String wholePeriodSql, String daySql) {
    return filter
        .wholePeriodForEveryone()
        .map(period -> ofPeriod(wholePeriodSql, period))
        .orElseGet(() -> of(daySql, filter));
  }

  /**
   * SQL of the name a day-level read shows for a range: the spelling of the latest day, and of that
   * day's the greatest, whatever order the rows are read in. The rule of gold's roll-ups (dbt
   * macro {@code latest_spelling}), so a whole period reads the same names from either.
   */
  public static String latestSpelling(String column) {
    return "substring(max(cast(listen_date as varchar) || " + column + "), 11)";
  }

  /** Binds the next {@code ?} of the caller's own. */
  public FactQuery with(Object value) {
    parameters.add(value);
    return this;
  }

  public <T> List<T> list(Connection connection, RowMapper<T> mapper) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet row = statement.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (row.next()) {
          rows.add(mapper.map(row));
        }
        return rows;
      }
    }
  }

  /** The first row, if any. */
  public <T> Optional<T> first(Connection connection, RowMapper<T> mapper) throws SQLException {
    return list(connection, mapper).stream().findFirst();
  }
}
