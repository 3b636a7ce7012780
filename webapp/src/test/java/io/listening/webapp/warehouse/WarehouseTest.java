package io.listening.webapp.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.webapp.GoldWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {

  @TempDir Path dataDir;

  private Warehouse warehouse;

  private final AtomicLong nanoTime = new AtomicLong();

  /** Looks at the file on every request, as with a check interval of zero. */
  private Warehouse open() {
    return open(Duration.ZERO);
  }

  /** Looks at the file at most once per {@code checkInterval} of {@link #nanoTime}, the test's clock. */
  private Warehouse open(Duration checkInterval) {
    warehouse =
        new Warehouse(
            new WarehouseProperties(dataDir.resolve("warehouse/analytics.duckdb"), checkInterval),
            nanoTime::get);
    return warehouse;
  }

  @AfterEach
  void close() {
    if (warehouse != null) {
      warehouse.destroy();
    }
  }

  @Test
  void readsTheBuildOfThePublishedFile() throws Exception {
    GoldWarehouse.publish(dataDir.resolve("warehouse/analytics.duckdb"), "build-1");

    WarehouseBuild build = open().currentBuild();

    assertThat(build.buildId()).isEqualTo("build-1");
    assertThat(build.builtAt()).isEqualTo(Instant.parse("2024-12-02T03:00:00Z"));
    assertThat(trackCount()).isEqualTo(5);
  }

  @Test
  void fileRenamedOverThePublishedOneIsPickedUp() throws Exception {
    Path published = dataDir.resolve("warehouse/analytics.duckdb");
    GoldWarehouse.publish(published, "build-1");
    assertThat(open().currentBuild().buildId()).isEqualTo("build-1");

    GoldWarehouse.publish(published, "build-2", GoldWarehouse.NEW_TRACK_SQL);

    assertThat(warehouse.currentBuild().buildId()).isEqualTo("build-2");
    assertThat(trackCount()).isEqualTo(6);
  }

  @Test
  void withinTheCheckIntervalTheOpenBuildAnswersWithoutLookingAtTheFile() throws Exception {
    Path published = dataDir.resolve("warehouse/analytics.duckdb");
    GoldWarehouse.publish(published, "build-1");
    assertThat(open(Duration.ofSeconds(1)).currentBuild().buildId()).isEqualTo("build-1");

    GoldWarehouse.publish(published, "build-2", GoldWarehouse.NEW_TRACK_SQL);
    nanoTime.addAndGet(Duration.ofMillis(999).toNanos());

    assertThat(warehouse.currentBuild().buildId()).isEqualTo("build-1");
    assertThat(trackCount()).isEqualTo(5);
    // Not even a missing file is noticed: no request looks until the interval has passed.
    Files.delete(published);
    assertThat(warehouse.currentBuild().buildId()).isEqualTo("build-1");
  }

  @Test
  void aNewBuildIsPickedUpOnceTheCheckIntervalHasPassed() throws Exception {
    Path published = dataDir.resolve("warehouse/analytics.duckdb");
    GoldWarehouse.publish(published, "build-1");
    assertThat(open(Duration.ofSeconds(1)).currentBuild().buildId()).isEqualTo("build-1");
    GoldWarehouse.publish(published, "build-2", GoldWarehouse.NEW_TRACK_SQL);

    nanoTime.addAndGet(Duration.ofSeconds(1).toNanos());

    assertThat(warehouse.currentBuild().buildId()).isEqualTo("build-2");
    assertThat(trackCount()).isEqualTo(6);
  }

  @Test
  void aBuildPublishedWhileNoneWasIsPickedUpByTheNextRequestWithoutWaitingForTheInterval()
      throws Exception {
    Path published = dataDir.resolve("warehouse/analytics.duckdb");
    assertThatThrownBy(() -> open(Duration.ofSeconds(1)).currentBuild())
        .isInstanceOf(WarehouseUnavailableException.class);
    GoldWarehouse.publish(published, "build-1");

    nanoTime.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(warehouse.currentBuild().buildId()).isEqualTo("build-1");
  }

  @Test
  void requestsArrivingTogetherWhileTheFirstBuildOpensAllReadIt() throws Exception {
    GoldWarehouse.publish(dataDir.resolve("warehouse/analytics.duckdb"), "build-1");
    open(Duration.ofSeconds(1));
    int requests = 8;
    CyclicBarrier together = new CyclicBarrier(requests);
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try {
      List<Future<String>> builds = new ArrayList<>();
      for (int request = 0; request < requests; request++) {
        builds.add(
            pool.submit(
                () -> {
                  together.await();
                  return warehouse.read((connection, build) -> build.buildId());
                }));
      }
      for (Future<String> build : builds) {
        assertThat(build.get(30, TimeUnit.SECONDS)).isEqualTo("build-1");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withTheSystemClockANewBuildIsPickedUpOnceTheIntervalHasPassed() throws Exception {
    Path published = dataDir.resolve("warehouse/analytics.duckdb");
    GoldWarehouse.publish(published, "build-1");
    warehouse = new Warehouse(new WarehouseProperties(published, Duration.ofMillis(200)));
    assertThat(warehouse.currentBuild().buildId()).isEqualTo("build-1");

    GoldWarehouse.publish(published, "build-2");

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!warehouse.currentBuild().buildId().equals("build-2") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(warehouse.currentBuild().buildId()).isEqualTo("build-2");
  }

  @Test
  void everyReadIsGivenTheBuildItsRowsComeFromWhilePublishing() throws Exception {
    Path published = dataDir.resolve("warehouse/analytics.duckdb");
    GoldWarehouse.publish(published, "build-1");
    open();
    ExecutorService readers = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(
            readers.submit(
                () ->
                    warehouse.read(
                        (connection, build) ->
                            List.of(build.buildId(), buildIdInData(connection)))));
        if (i == 100) {
          GoldWarehouse.publish(published, "build-2");
        }
      }
      List<String> buildsRead = new ArrayList<>();
      for (Future<List<String>> result : results) {
        List<String> givenAndInData = result.get();
        assertThat(givenAndInData.get(0)).isEqualTo(givenAndInData.get(1));
        buildsRead.add(givenAndInData.get(0));
      }
      assertThat(buildsRead).isNotEmpty().isSubsetOf("build-1", "build-2");
      assertThat(warehouse.currentBuild().buildId()).isEqualTo("build-2");
    } finally {
      readers.shutdownNow();
    }
  }

  @Test
  void readOfAChosenBuildRunsWhileItIsPublished() throws Exception {
    GoldWarehouse.publish(dataDir.resolve("warehouse/analytics.duckdb"), "build-1");
    WarehouseBuild build = open().currentBuild();

    String read = warehouse.read(build, (connection, given) -> buildIdInData(connection));

    assertThat(read).isEqualTo("build-1");
  }

  @Test
  void readOfAChosenBuildFailsOnceANewerOneIsPublished() throws Exception {
    Path published = dataDir.resolve("warehouse/analytics.duckdb");
    GoldWarehouse.publish(published, "build-1");
    WarehouseBuild chosen = open().currentBuild();

    GoldWarehouse.publish(published, "build-2");

    assertThatThrownBy(() -> warehouse.read(chosen, (connection, given) -> "read"))
        .isInstanceOf(WarehouseBuildChangedException.class)
        .isInstanceOf(WarehouseUnavailableException.class)
        .hasMessageContaining("build-2")
        .hasMessageContaining("build-1");
    String current = warehouse.read((connection, given) -> buildIdInData(connection));
    assertThat(current).isEqualTo("build-2");
  }

  @Test
  void missingFileIsUnavailableWithAClearMessage() {
    assertThatThrownBy(() -> open().currentBuild())
        .isInstanceOf(WarehouseUnavailableException.class)
        .hasMessageStartingWith("No warehouse build yet");
  }

  @Test
  void deletedFileBecomesUnavailableAndRepublishingRecovers() throws Exception {
    Path published = dataDir.resolve("warehouse/analytics.duckdb");
    GoldWarehouse.publish(published, "build-1");
    open().currentBuild();

    Files.delete(published);
    assertThatThrownBy(warehouse::currentBuild).isInstanceOf(WarehouseUnavailableException.class);

    GoldWarehouse.publish(published, "build-2");
    assertThat(warehouse.currentBuild().buildId()).isEqualTo("build-2");
  }

  @Test
  void fileWithoutGoldTablesIsUnavailable() throws Exception {
    Path published = dataDir.resolve("warehouse/analytics.duckdb");
    Files.createDirectories(published.getParent());
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + published);
        Statement sql = connection.createStatement()) {
      sql.execute("create table unrelated (x int)");
    }

    assertThatThrownBy(() -> open().currentBuild())
        .isInstanceOf(WarehouseUnavailableException.class)
        .hasMessageContaining("cannot be read");
  }

  private long trackCount() {
    return warehouse.read(
        (connection, build) ->
            queryOne(connection, "select count(*) from gold.tracks", Long.class));
  }

  private static String buildIdInData(Connection connection) throws SQLException {
    return queryOne(connection, "select build_id from gold.build_info", String.class);
  }

  private static <T> T queryOne(Connection connection, String sql, Class<T> type)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getObject(1, type);
    }
  }
}
