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
  void summaryNamesTheBuildItsNumbersComeFrom() throws Exception {
    GoldWarehouse.publish(published, "build-1");
    assertThat(stats.summary(10).build().buildId()).isEqualTo("build-1");

    GoldWarehouse.publish(
        published,
        "build-2",
        "update gold.listening_totals set total_plays = 99",
        "update gold.tracks set plays = 1000 where track_id = '"
            + GoldWarehouse.DERIVED_DEMO
            + "'");
    ListeningSummary summary = stats.summary(10);

    assertThat(summary.build().buildId()).isEqualTo("build-2");
    assertThat(summary.totals().totalPlays()).isEqualTo(99);
    assertThat(summary.topTracks().get(0).trackId()).isEqualTo(GoldWarehouse.DERIVED_DEMO);
  }

  @Test
  void summaryIsOneWarehouseRead() throws Exception {
    GoldWarehouse.publish(published, "build-1");

    stats.summary(10);

    verify(warehouse).read(any(WarehouseReader.class));
    verify(warehouse, never()).currentBuild();
  }

  @Test
  void topTracksAreMostPlayedFirst() throws Exception {
    GoldWarehouse.publish(published, "build-1");

    assertThat(stats.summary(2).topTracks())
        .extracting(TopTrack::trackId)
        .containsExactly(GoldWarehouse.NEVER_GONNA, GoldWarehouse.TAKE_ON_ME);
  }

  @Test
  void topTracksAreCappedWhateverIsAsked() throws Exception {
    GoldWarehouse.publish(
        published,
        "build-1",
        "insert into gold.tracks select lpad(i::varchar, 22, '0'), 'Track ' || i, 'Band', 1, 1"
            + " from range(200) as t(i)");

    assertThat(stats.summary(1000).topTracks()).hasSize(StatsService.MAX_TOP_TRACKS);
  }
}
