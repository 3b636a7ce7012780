package io.listening.webapp.dashboard.overview;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DashboardPage;
import io.listening.webapp.dashboard.Figures;
import io.listening.webapp.dashboard.Formats;
import io.listening.webapp.dashboard.Listeners;
import java.util.Optional;

/** The dashboard's home: the headline figures of the range and where its history has holes. */
@Route("")
@PageTitle("Overview · Listening")
@Menu(title = "Overview", order = 0)
class OverviewView extends DashboardPage {

  private final OverviewQueries queries;

  OverviewView(OverviewQueries queries, Listeners listeners) {
    super("Overview", listeners);
    this.queries = queries;
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    Overview overview = queries.overview(filter);
    if (overview.isEmpty()) {
      return Optional.empty();
    }
    Div page = new Div();
    page.add(
        Figures.row(
            Figures.card("plays", "Plays", Formats.count(overview.plays())),
            Figures.card("listening-time", "Listening time", Formats.duration(overview.listeningMs())),
            Figures.card("unique-tracks", "Tracks", Formats.count(overview.uniqueTracks())),
            Figures.card("unique-artists", "Artists", Formats.count(overview.uniqueArtists())),
            Figures.card("skips", "Skips", Formats.count(overview.skips())),
            Figures.card("listeners", "Listeners", Formats.count(overview.listeners()))));
    page.add(Figures.section("Data range", dataRange(overview), gaps(overview)));
    return Optional.of(page);
  }

  private static Component dataRange(Overview overview) {
    Paragraph range =
        new Paragraph(
            "Music from "
                + Formats.date(overview.firstDay())
                + " to "
                + Formats.date(overview.lastDay())
                + " (local days), listened on "
                + Formats.count(overview.daysListened())
                + " days. "
                + (overview.gapCount() == 0
                    ? "No day without a stream in between."
                    : Formats.count(overview.gapCount())
                        + " gaps without any stream, "
                        + Formats.count(overview.gapDays())
                        + " days in all; the longest:"));
    range.setId("data-range");
    return range;
  }

  private static Component gaps(Overview overview) {
    if (overview.gaps().isEmpty()) {
      return new Div();
    }
    Grid<Overview.Gap> grid = new Grid<>();
    grid.setId("gaps");
    grid.addColumn(gap -> Formats.date(gap.firstDay())).setHeader("From");
    grid.addColumn(gap -> Formats.date(gap.lastDay())).setHeader("To");
    grid.addColumn(gap -> Formats.count(gap.days())).setHeader("Days").setTextAlign(ColumnTextAlign.END);
    grid.setAllRowsVisible(true);
    grid.setItems(overview.gaps());
    return grid;
  }
}
