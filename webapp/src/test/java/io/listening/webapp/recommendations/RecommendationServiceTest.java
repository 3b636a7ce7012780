package io.listening.webapp.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseBuild;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecommendationServiceTest {

  private static final TrackId TRACK = new TrackId("4uLU6hMCjMI75M1A2tKUQC");
  private static final RecommendationSet SET =
      new RecommendationSet(
          TRACK.value(),
          "Never Gonna Give You Up",
          "Rick Astley",
          List.of(new Recommendation("2WfaOiMkCvy7F5fcp2zZ8L", "Take On Me", "a-ha", 1.0, 8)));

  private final Warehouse warehouse = mock(Warehouse.class);
  private final RecommendationRepository repository = mock(RecommendationRepository.class);
  private final RecommendationCache cache = mock(RecommendationCache.class);
  private final RecommendationService service =
      new RecommendationService(warehouse, repository, cache);

  @BeforeEach
  void publishedBuild() {
    when(warehouse.currentBuild()).thenReturn(new WarehouseBuild("build-7", null));
    when(cache.key("build-7", TRACK, 5)).thenReturn("key-7");
  }

  @Test
  void cachedSetIsAHitAndSkipsTheWarehouse() {
    when(cache.get("key-7")).thenReturn(Optional.of(SET));

    RecommendationResponse response = service.recommend(TRACK, 5);

    assertThat(response.cache()).isEqualTo(CacheStatus.HIT);
    assertThat(response.buildId()).isEqualTo("build-7");
    assertThat(response.recommendations()).isEqualTo(SET.recommendations());
    verifyNoInteractions(repository);
  }

  @Test
  void missReadsTheWarehouseAndCachesTheSetUnchanged() {
    when(cache.get("key-7")).thenReturn(Optional.empty());
    when(repository.find(TRACK, 5)).thenReturn(Optional.of(SET));

    RecommendationResponse response = service.recommend(TRACK, 5);

    assertThat(response.cache()).isEqualTo(CacheStatus.MISS);
    assertThat(response.trackName()).isEqualTo("Never Gonna Give You Up");
    verify(cache).put("key-7", SET);
  }

  @Test
  void unknownTrackIsNotFoundAndNothingIsCached() {
    when(cache.get(anyString())).thenReturn(Optional.empty());
    when(repository.find(TRACK, 5)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service.recommend(TRACK, 5))
        .isInstanceOf(TrackNotFoundException.class)
        .hasMessageContaining(TRACK.value());
    verify(cache, never()).put(anyString(), any());
  }
}
