package io.listening.webapp.dashboard.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.FixtureWarehouse;
import io.listening.webapp.dashboard.quality.SchedulerChecks.SchedulerCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchedulerChecksTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  @Test
  void noResultsFileMeansNoChecksYetNotAnError() {
    SchedulerChecks.Outcome outcome = new SchedulerChecks(fixture.warehouse()).read();

    assertThat(outcome.checks()).isEmpty();
    assertThat(outcome.problem()).isEmpty();
  }

  @Test
  void theDagsChecksAreReadFromTheFileBesideTheWarehouseFailuresFirst() throws Exception {
    Path file = fixture.warehouse().sibling(SchedulerChecks.FILE_NAME);
    // The table as airflow/dags/listening/check_results.py creates it.
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "create table airflow_check_results (build_id varchar, checked_at timestamp,"
              + " test_name varchar, test_type varchar, tested_model varchar, status varchar,"
              + " failures bigint, message varchar)");
      statement.execute(
          "insert into airflow_check_results values"
              + " ('scheduled__2024-06-01T10:00:00+00:00', '2024-06-01 10:30:00', 'reconcile_counts',"
              + " 'airflow', 'lake, silver, gold', 'pass', 0, null),"
              + " ('scheduled__2024-06-01T10:00:00+00:00', '2024-06-01 10:31:00', 'lake_freshness',"
              + " 'airflow', 'lake', 'fail', 1, 'no new lake partition for 4 hours')");
    }

    SchedulerChecks.Outcome outcome = new SchedulerChecks(fixture.warehouse()).read();

    assertThat(outcome.problem()).isEmpty();
    assertThat(outcome.checks())
        .containsExactly(
            new SchedulerCheck(
                "lake_freshness", "lake", "fail", 1, "no new lake partition for 4 hours",
                Instant.parse("2024-06-01T10:31:00Z")),
            new SchedulerCheck(
                "reconcile_counts", "lake, silver, gold", "pass", 0, null,
                Instant.parse("2024-06-01T10:30:00Z")));
  }

  @Test
  void aFileThatIsNotAResultsFileIsSaidOnThePageNotThrown() throws Exception {
    Files.writeString(fixture.warehouse().sibling(SchedulerChecks.FILE_NAME), "not a database");

    SchedulerChecks.Outcome outcome = new SchedulerChecks(fixture.warehouse()).read();

    assertThat(outcome.checks()).isEmpty();
    assertThat(outcome.problem()).contains("The scheduler's check results could not be read.");
  }
}
