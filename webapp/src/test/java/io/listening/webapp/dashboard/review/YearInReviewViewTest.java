package io.listening.webapp.dashboard.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.review.YearInReviewQueries.Year;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class YearInReviewViewTest {

  @Test
  void aFewListenerYearsAreShownAsCards() {
    Component shown = YearInReviewView.years(years(2), DashboardFilter.everything());

    assertThat(shown.getChildren().map(child -> child.getId().orElse("")))
        .containsExactly("year-2024-listener-0", "year-2024-listener-1");
  }

  @Test
  void manyListenerYearsAreOneTableWithEveryYearInIt() {
    int many = YearInReviewView.MOST_CARDS + 1;

    Component shown = YearInReviewView.years(years(many), DashboardFilter.everything());

    Grid<?> table =
        (Grid<?>) shown.getChildren().filter(Grid.class::isInstance).findFirst().orElseThrow();
    assertThat(table.getId()).contains("years-table");
    assertThat(table.getGenericDataView().getItems()).hasSize(many);
    assertThat(shown.getChildren().filter(child -> child.getId().orElse("").startsWith("year-2024"))).isEmpty();
  }

  private static List<Year> years(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new Year(
                    "listener-" + i, 2024, 60.0 * (count - i), 10, 1, 5, 3, "a track", "an artist", 4, 2,
                    null, null, 5, 3))
        .toList();
  }
}
