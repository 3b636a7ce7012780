package io.listening.webapp.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.listening.webapp.GoldWarehouse;
import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseBuild;
import io.listening.webapp.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service against a real DuckDB warehouse, with the cache mocked. */
class RecommendationServiceTest {

  private static final TrackId TRACK = new TrackId(GoldWarehouse.NEVER_GONNA);
  private static final RecommendationSet CACHED =
      new RecommendationSet(
          TRACK.value(),
          "Never Gonna Give You Up",
          "Rick Astley",
          List.of(new Recommendation(GoldWarehouse.TAKE_ON_ME, "Take On Me", "a-ha", 1.0, 8)));

  @TempDir Path dataDir;

  private Path published;
  private Warehouse warehouse;
  private final RecommendationCache cache = mock(RecommendationCache.class);
  private RecommendationService service;

  @BeforeEach
  void publishBuild() throws Exception {
    published = dataDir.resolve("warehouse/analytics.duckdb");
    GoldWarehouse.publish(published, "build-1");
    warehouse = spy(Warehouses.open(published));
    service = new RecommendationService(warehouse, new RecommendationRepository(warehouse), cache);
    when(cache.key(anyString(), any(), anyInt()))
        .thenAnswer(
            call -> call.getArgument(0) + ":" + call.getArgument(1) + ":" + call.getArgument(2));
    when(cache.get(anyString())).thenReturn(Optional.empty());
  }

  @AfterEach
  void closeWarehouse() {
    warehouse.destroy();
  }

  @Test
  void cachedSetIsAHitAndSkipsTheWarehouseRead() {
    when(cache.get("build-1:" + TRACK + ":5")).thenReturn(Optional.of(CACHED));

    RecommendationResponse response = service.recommend(TRACK, 5);

    assertThat(response.cache()).isEqualTo(CacheStatus.HIT);
    assertThat(response.buildId()).isEqualTo("build-1");
    assertThat(response.recommendations()).isEqualTo(CACHED.recommendations());
    verify(warehouse, never()).read(any(), any());
  }

  @Test
  void missReadsTheBuildOfTheKeyAndCachesTheSetUnchanged() {
    RecommendationResponse response = service.recommend(TRACK, 2);

    assertThat(response.cache()).isEqualTo(CacheStatus.MISS);
    assertThat(response.buildId()).isEqualTo("build-1");
    assertThat(response.recommendations())
        .extracting(Recommendation::trackId)
        .containsExactly(GoldWarehouse.TAKE_ON_ME, GoldWarehouse.DON_T_YOU);
    verify(cache)
        .put(
            "build-1:" + TRACK + ":2",
            new RecommendationSet(
                TRACK.value(),
                response.trackName(),
                response.artistName(),
                response.recommendations()));
  }

  @Test
  void unknownTrackIsNotFoundAndNothingIsCached() {
    TrackId unknown = new TrackId(GoldWarehouse.UNKNOWN_BUT_WELL_FORMED);

    assertThatThrownBy(() -> service.recommend(unknown, 5))
        .isInstanceOf(TrackNotFoundException.class)
        .hasMessageContaining(unknown.value());
    verify(cache, never()).put(anyString(), any());
  }

  @Test
  void buildPublishedDuringAMissIsAnsweredWholeFromTheNewBuild() {
    doAnswer(
            call -> {
              WarehouseBuild chosen = (WarehouseBuild) call.callRealMethod();
              GoldWarehouse.publish(published, "build-2", GoldWarehouse.NEW_TRACK_SQL);
              return chosen;
            })
        .doCallRealMethod()
        .when(warehouse)
        .currentBuild();

    RecommendationResponse response = service.recommend(TRACK, 5);

    assertThat(response.buildId()).isEqualTo("build-2");
    assertThat(response.recommendations().get(0).trackId()).isEqualTo(GoldWarehouse.RUNNING_UP);
    verify(cache).put(eq("build-2:" + TRACK + ":5"), any());
    verify(cache, never()).put(startsWith("build-1:"), any());
  }
}
