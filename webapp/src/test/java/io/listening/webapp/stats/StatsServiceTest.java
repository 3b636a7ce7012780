package io.listening.webapp.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import io.listening.webapp.GoldWarehouse;
import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseReader;
import io.listening.webapp.warehouse.Warehouses;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsServiceTest {

  @TempDir Path dataDir;

  private Path published;
  private Warehouse warehouse;
  private StatsService stats;

  @BeforeEach
  void openWarehouse() {
    published = dataDir.resolve("warehouse/analytics.duckdb");
    warehouse = spy(Warehouses.open(published));
    stats = new StatsService(warehouse);
  }

  @AfterEach
  void closeWarehouse() {
    warehouse.destroy();
  }

  @Test
  void totalsAreThoseOfThePublishedBuild() throws Exception {
    GoldWarehouse.publish(published, "build-1");
    assertThat(stats.totals().totalPlays()).isEqualTo(GoldWarehouse.TOTAL_PLAYS);
    assertThat(stats.totals().listeningHours()).isEqualTo(12.5);

    GoldWarehouse.publish(published, "build-2", "update gold.listening_totals set total_plays = 99");

    assertThat(stats.totals().totalPlays()).isEqualTo(99);
  }

  @Test
  void totalsAreOneWarehouseRead() throws Exception {
    GoldWarehouse.publish(published, "build-1");

    stats.totals();

    verify(warehouse).read(any(WarehouseReader.class));
    verify(warehouse, never()).currentBuild();
  }
}
