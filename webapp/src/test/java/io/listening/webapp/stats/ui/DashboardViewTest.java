package io.listening.webapp.stats.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.grid.Grid;
import io.listening.webapp.stats.ListeningSummary;
import io.listening.webapp.stats.ListeningTotals;
import io.listening.webapp.stats.StatsService;
import io.listening.webapp.stats.TopTrack;
import io.listening.webapp.warehouse.WarehouseBuild;
import io.listening.webapp.warehouse.WarehouseUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DashboardViewTest {

  private final StatsService stats = mock(StatsService.class);

  @Test
  void showsTotalsFormattedAndTopTracks() {
    when(stats.summary(DashboardView.TOP_TRACKS))
        .thenReturn(
            new ListeningSummary(
                new WarehouseBuild("build-1", Instant.parse("2024-12-02T03:00:00Z")),
                new ListeningTotals(1234, 56, 5, 4, 3, 45_000_000, null, null),
                List.of(
                    new TopTrack(
                        "4uLU6hMCjMI75M1A2tKUQC",
                        "Never Gonna Give You Up",
                        "Rick Astley",
                        40,
                        3))));

    DashboardView view = new DashboardView(stats);

    assertThat(text(view, "total-plays")).isEqualTo("1,234");
    assertThat(text(view, "total-skips")).isEqualTo("56");
    assertThat(text(view, "unique-tracks")).isEqualTo("5");
    assertThat(text(view, "unique-artists")).isEqualTo("4");
    assertThat(text(view, "unique-users")).isEqualTo("3");
    assertThat(text(view, "listening-hours")).isEqualTo("12.5");
    assertThat(text(view, "build-info")).contains("build-1", "2024-12-02 03:00 UTC");
    @SuppressWarnings("unchecked")
    Grid<TopTrack> grid = (Grid<TopTrack>) find(view, "top-tracks").orElseThrow();
    assertThat(grid.getGenericDataView().getItems().map(TopTrack::trackName))
        .containsExactly("Never Gonna Give You Up");
  }

  @Test
  void missingWarehouseShowsTheReasonInsteadOfNumbers() {
    when(stats.summary(DashboardView.TOP_TRACKS))
        .thenThrow(new WarehouseUnavailableException("No warehouse build yet."));

    DashboardView view = new DashboardView(stats);

    assertThat(text(view, "warehouse-unavailable")).isEqualTo("No warehouse build yet.");
    assertThat(find(view, "total-plays")).isEmpty();
    assertThat(find(view, "top-tracks")).isEmpty();
  }

  private static String text(Component root, String id) {
    return ((HasText) find(root, id).orElseThrow(() -> new AssertionError("no #" + id))).getText();
  }

  private static Optional<Component> find(Component root, String id) {
    return descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
  }

  private static Stream<Component> descendants(Component root) {
    return Stream.concat(
        Stream.of(root), root.getChildren().flatMap(DashboardViewTest::descendants));
  }
}
