package io.listening.webapp.dashboard.quality;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FactQuery;
import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseBuild;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** gold.data_quality_results and gold.dead_letter_reasons of the published build. */
@Service
class QualityQueries {

  // Failures first, so a problem is at the top.
  private static final String CHECKS_SQL =
      """
      select test_name, test_type, tested_model, status, failures, message
      from gold.data_quality_results
      order by case status when 'pass' then 1 else 0 end, tested_model, test_name
      """;

  private static final String DEAD_LETTERS_SQL =
      """
      select rejection_reason, dead_letters, batches
      from gold.dead_letter_reasons
      order by dead_letters desc, rejection_reason
      """;

  /** One dbt test of the build. */
  record Check(
      String testName,
      String testType,
      @Nullable String testedModel,
      String status,
      long failures,
      @Nullable String message) {}

  /** Dead letters of one rejection reason. */
  record DeadLetters(String reason, long count, long batches) {}

  /** What the page shows, from one build. */
  record Quality(WarehouseBuild build, List<Check> checks, List<DeadLetters> deadLetters) {}

  private final Warehouse warehouse;

  QualityQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  Quality quality() {
    DashboardFilter none = DashboardFilter.everything();
    return warehouse.read(
        (connection, build) ->
            new Quality(
                build,
                FactQuery.of(CHECKS_SQL, none)
                    .list(
                        connection,
                        row ->
                            new Check(
                                row.getString("test_name"),
                                row.getString("test_type"),
                                row.getString("tested_model"),
                                row.getString("status"),
                                row.getLong("failures"),
                                row.getString("message"))),
                FactQuery.of(DEAD_LETTERS_SQL, none)
                    .list(
                        connection,
                        row ->
                            new DeadLetters(
                                row.getString("rejection_reason"),
                                row.getLong("dead_letters"),
                                row.getLong("batches")))));
  }
}
