package io.listening.webapp.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.listening.webapp.GoldWarehouse;
import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseBuild;
import io.listening.webapp.warehouse.WarehouseReader;
import io.listening.webapp.warehouse.Warehouses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service and its {@code @Cacheable} lookup as Spring wires them, against a real DuckDB
 * warehouse, with an in-memory cache in place of Redis.
 */
class RecommendationServiceTest {

  private static final TrackId TRACK = new TrackId(GoldWarehouse.NEVER_GONNA);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  private Path published;
  private Warehouse warehouse;
  private AnnotationConfigApplicationContext context;
  private RecommendationService service;
  private Cache cache;
  private MeterRegistry meters;

  @Configuration(proxyBeanMethods = false)
  @EnableCaching
  static class InMemoryCache {

    @Bean
    CacheManager cacheManager() {
      return new ConcurrentMapCacheManager(RecommendationCacheConfiguration.CACHE);
    }
  }

  @BeforeEach
  void start() throws Exception {
    published = dataDir.resolve("warehouse/analytics.duckdb");
    GoldWarehouse.publish(published, "build-1");
    warehouse = spy(Warehouses.open(published));
    context = new AnnotationConfigApplicationContext();
    context.registerBean(Warehouse.class, () -> warehouse);
    context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
    context.registerBean(ObjectMapper.class, () -> JSON);
    context.register(InMemoryCache.class, RecommendationCacheKey.class, RecommendationRepository.class);
    context.register(RecommendationService.class);
    context.refresh();
    service = context.getBean(RecommendationService.class);
    cache = context.getBean(CacheManager.class).getCache(RecommendationCacheConfiguration.CACHE);
    meters = context.getBean(MeterRegistry.class);
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void firstCallIsAMissReadFromTheWarehouseAndTheSecondAHitWithTheSameAnswer() {
    RecommendationResponse first = recommend(anyone(TRACK, 2));
    RecommendationResponse second = recommend(anyone(TRACK, 2));

    assertThat(first.cache()).isEqualTo(CacheStatus.MISS);
    assertThat(first.buildId()).isEqualTo("build-1");
    assertThat(first.recommendations())
        .extracting(Recommendation::trackId)
        .containsExactly(GoldWarehouse.TAKE_ON_ME, GoldWarehouse.BLUE_MONDAY);
    assertThat(second.cache()).isEqualTo(CacheStatus.HIT);
    assertThat(second.buildId()).isEqualTo("build-1");
    assertThat(second.recommendations()).isEqualTo(first.recommendations());
    verify(warehouse, times(1)).read(any(WarehouseBuild.class), any(WarehouseReader.class));
  }

  @Test
  void entryIsKeyedByBuildTrackUserRecentTracksAndLimit() {
    RecommendationResponse answer = recommend(anyone(TRACK, 2));

    assertThat(cachedSet("build-1:" + TRACK + ":::2"))
        .isEqualTo(
            new RecommendationSet(
                TRACK.value(),
                answer.trackName(),
                answer.artistName(),
                null,
                List.of(),
                "build-1",
                answer.recommendations()));
    assertThat(recommend(anyone(TRACK, 3)).cache()).isEqualTo(CacheStatus.MISS);
    RecommendationQuery alice =
        new RecommendationQuery(TRACK, GoldWarehouse.ALICE, List.of(GoldWarehouse.TAKE_ON_ME), 2);
    assertThat(recommend(alice).cache()).isEqualTo(CacheStatus.MISS);
    assertThat(cache.get("build-1:" + TRACK + ":user-alice:" + GoldWarehouse.TAKE_ON_ME + ":2"))
        .isNotNull();
  }

  @Test
  void aListenerGetsWhatTheyPlayAfterTheSeedFirstWithItsReasonAndComponents() {
    RecommendationResponse answer =
        recommend(new RecommendationQuery(TRACK, GoldWarehouse.ALICE, List.of(), 3));

    Recommendation best = answer.recommendations().get(0);
    assertThat(best.trackId()).isEqualTo(GoldWarehouse.BLUE_MONDAY);
    assertThat(best.reason()).isEqualTo("You often play this after Never Gonna Give You Up");
    assertThat(best.components()).containsKey("user_transitions");
    assertThat(best.components().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(best.score(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(answer.userId()).isEqualTo(GoldWarehouse.ALICE);
    assertThat(answer.queryTimeMs()).isPositive();
  }

  @Test
  void aListenerWithoutPlaysIsNotFound() {
    assertThatThrownBy(
            () -> recommend(new RecommendationQuery(TRACK, "user-nobody", List.of(), 3)))
        .isInstanceOf(UserNotFoundException.class)
        .hasMessageContaining("user-nobody");
  }

  @Test
  void aTrackNothingFollowsFallsBackToPopularTracks() {
    RecommendationResponse answer =
        recommend(anyone(new TrackId(GoldWarehouse.DERIVED_DEMO), 2));

    assertThat(answer.recommendations()).allMatch(Recommendation::coldStart);
    assertThat(answer.recommendations())
        .extracting(Recommendation::trackId)
        .containsExactly(GoldWarehouse.NEVER_GONNA, GoldWarehouse.TAKE_ON_ME);
    assertThat(answer.recommendations().get(0).reason()).isEqualTo("Popular with everyone");
  }

  @Test
  void newBuildIsAMissAlthoughTheOldBuildHasTheEntry() throws Exception {
    recommend(anyone(TRACK, 5));
    GoldWarehouse.publish(published, "build-2", GoldWarehouse.NEW_TRACK_SQL);

    RecommendationResponse afterPublish = recommend(anyone(TRACK, 5));

    assertThat(afterPublish.cache()).isEqualTo(CacheStatus.MISS);
    assertThat(afterPublish.buildId()).isEqualTo("build-2");
    assertThat(afterPublish.recommendations().get(0).trackId()).isEqualTo(GoldWarehouse.RUNNING_UP);
  }

  @Test
  void unknownTrackIsNotFoundAndNotCached() {
    TrackId unknown = new TrackId(GoldWarehouse.UNKNOWN_BUT_WELL_FORMED);

    for (int call = 0; call < 2; call++) {
      assertThatThrownBy(() -> recommend(anyone(unknown, 5)))
          .isInstanceOf(TrackNotFoundException.class)
          .hasMessageContaining(unknown.value());
    }
    assertThat(cache.get("build-1:" + unknown + ":::5")).isNull();
    verify(warehouse, times(2)).read(any(WarehouseBuild.class), any(WarehouseReader.class));
  }

  @Test
  void hitsAndMissesAreCounted() {
    recommend(anyone(TRACK, 5));
    recommend(anyone(TRACK, 5));
    recommend(anyone(TRACK, 5));

    assertThat(cacheCount("hit")).isEqualTo(2);
    assertThat(cacheCount("miss")).isEqualTo(1);
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

    RecommendationResponse response = recommend(anyone(TRACK, 5));

    assertThat(response.buildId()).isEqualTo("build-2");
    assertThat(response.recommendations().get(0).trackId()).isEqualTo(GoldWarehouse.RUNNING_UP);
    assertThat(cache.get("build-1:" + TRACK + ":::5")).isNull();
    assertThat(cachedSet("build-2:" + TRACK + ":::5").recommendations())
        .isEqualTo(response.recommendations());
  }

  /** The service's answer as a client reads it: its bytes, held to the documented schema. */
  private RecommendationResponse recommend(RecommendationQuery query) {
    try {
      return JSON.readValue(service.recommend(query).json(), RecommendationResponse.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cache entry, which is a recommendation set's JSON less its closing brace. */
  private RecommendationSet cachedSet(String key) {
    byte[] cached = cache.get(key, byte[].class);
    assertThat(cached).as("the cache entry %s", key).isNotNull();
    try {
      return JSON.readValue(
          (new String(cached, StandardCharsets.UTF_8) + "}"), RecommendationSet.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RecommendationQuery anyone(TrackId trackId, int limit) {
    return new RecommendationQuery(trackId, null, List.of(), limit);
  }

  private double cacheCount(String result) {
    return meters.get(RecommendationService.CACHE_METER).tag("result", result).counter().count();
  }
}
