package io.listening.webapp.dashboard.skips;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.listening.webapp.base.ui.ChartOptions;
import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DashboardPage;
import io.listening.webapp.dashboard.Figures;
import io.listening.webapp.dashboard.Formats;
import io.listening.webapp.dashboard.Listeners;
import io.listening.webapp.dashboard.Ranked;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What gets skipped: the overall rate, by local hour, and the most skipped tracks and artists. */
@Route("skips")
@PageTitle("Skips · Listening")
@Menu(title = "Skips", order = 5)
class SkipsView extends DashboardPage {

  private final SkipQueries queries;

  SkipsView(SkipQueries queries, Listeners listeners) {
    super("Skips", listeners);
    this.queries = queries;
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    long[][] hours = queries.hours(filter);
    long plays = 0;
    long skips = 0;
    List<String> hourLabels = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (int hour = 0; hour < 24; hour++) {
      plays += hours[hour][0];
      skips += hours[hour][1];
      long streams = hours[hour][0] + hours[hour][1];
      hourLabels.add(String.format(Locale.ROOT, "%02d", hour));
      rates.add(streams == 0 ? 0 : Math.round(1000.0 * hours[hour][1] / streams) / 10.0);
    }
    if (plays + skips == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Div(
            Figures.row(
                Figures.card("skip-rate", "Skip rate", Formats.percent((double) skips / (plays + skips))),
                Figures.card("skips", "Skips", Formats.count(skips)),
                Figures.card("streams", "Music streams", Formats.count(plays + skips))),
            Figures.section(
                "By local hour",
                Figures.chart(
                    "skips-by-hour", "Skip rate in percent per local hour",
                    ChartOptions.bars(hourLabels, rates, "Skip rate %", false), "16rem")),
            Figures.section("Most skipped tracks", table("skipped-tracks", "Track", queries.tracks(filter))),
            Figures.section("Most skipped artists", table("skipped-artists", "Artist", queries.artists(filter)))));
  }

  private static Component table(String id, String nameHeader, List<Ranked> items) {
    if (items.isEmpty()) {
      return state(id + "-none", "Nothing with at least " + SkipQueries.MIN_STREAMS + " streams in this range.");
    }
    Grid<Ranked> grid = new Grid<>();
    grid.setId(id);
    grid.addColumn(Ranked::name).setHeader(nameHeader).setFlexGrow(3);
    if (!"Artist".equals(nameHeader)) {
      grid.addColumn(Ranked::detail).setHeader("Artist").setFlexGrow(2);
    }
    grid.addColumn(item -> Formats.percent(item.skipRate())).setHeader("Skip rate").setTextAlign(ColumnTextAlign.END);
    grid.addColumn(item -> Formats.count(item.skips())).setHeader("Skips").setTextAlign(ColumnTextAlign.END);
    grid.addColumn(item -> Formats.count(item.plays() + item.skips()))
        .setHeader("Streams")
        .setTextAlign(ColumnTextAlign.END);
    grid.setAllRowsVisible(true);
    grid.setItems(items);
    return grid;
  }
}
