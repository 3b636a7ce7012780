package io.listening.webapp.dashboard.quality;

import io.listening.webapp.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The latest outcome of each check the data-quality DAG runs itself (lake reconciliation, lake
 * freshness). Airflow cannot write into the published warehouse, which this app holds open
 * read-only, so it keeps them in a sibling file that it replaces by a rename
 * (airflow/dags/listening/check_results.py): each read opens that file read-only and closes it.
 */
@Service
class SchedulerChecks {

  /** The sibling file and its table, as airflow/dags/listening/check_results.py writes them. */
  static final String FILE_NAME = "airflow_checks.duckdb";

  static final String TABLE = "airflow_check_results";

  private static final Logger log = LoggerFactory.getLogger(SchedulerChecks.class);

  private static final String SQL =
      "select test_name, tested_model, status, failures, message, checked_at from " + TABLE
          + " order by case status when 'pass' then 1 else 0 end, test_name";

  /** One check of the scheduler; {@code checkedAt} is a UTC instant. */
  record SchedulerCheck(
      String testName,
      @Nullable String tested,
      String status,
      long failures,
      @Nullable String message,
      Instant checkedAt) {}

  /** The checks, or why they cannot be shown; an absent file is no checks yet, not an error. */
  record Outcome(List<SchedulerCheck> checks, Optional<String> problem) {}

  private final Warehouse warehouse;

  SchedulerChecks(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  Outcome read() {
    Path file = warehouse.sibling(FILE_NAME);
    if (!Files.exists(file)) {
      return new Outcome(List.of(), Optional.empty());
    }
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(SQL)) {
      List<SchedulerCheck> checks = new ArrayList<>();
      while (row.next()) {
        Timestamp checkedAt = row.getTimestamp("checked_at");
        checks.add(
            new SchedulerCheck(
                row.getString("test_name"),
                row.getString("tested_model"),
                row.getString("status"),
                row.getLong("failures"),
                row.getString("message"),
                // Written as naive UTC; read back without the JVM's zone.
                checkedAt.toLocalDateTime().toInstant(ZoneOffset.UTC)));
      }
      return new Outcome(checks, Optional.empty());
    } catch (SQLException e) {
      log.warn("The scheduler's check results in {} could not be read: {}", file, e.getMessage());
      return new Outcome(List.of(), Optional.of("The scheduler's check results could not be read."));
    }
  }
}
