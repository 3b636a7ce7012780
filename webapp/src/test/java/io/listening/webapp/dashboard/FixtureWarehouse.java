package io.listening.webapp.dashboard;

import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.Warehouses;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that publishes {@link DashboardWarehouse} into a temporary directory before each
 * test and opens it as the app does; register it with {@code @RegisterExtension}.
 */
public final class FixtureWarehouse implements BeforeEachCallback, AfterEachCallback {

  private Path dataDir;
  private Warehouse warehouse;

  public Warehouse warehouse() {
    return warehouse;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    dataDir = java.nio.file.Files.createTempDirectory("dashboard-test");
    Path published = dataDir.resolve("warehouse/analytics.duckdb");
    DashboardWarehouse.publish(published, "build-dashboard");
    warehouse = Warehouses.open(published);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    warehouse.destroy();
    org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
  }
}
