package io.listening.webapp.dashboard.podcasts;

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
import io.listening.webapp.dashboard.podcasts.PodcastQueries.Show;
import java.util.List;
import java.util.Optional;

/** Podcast listening, never mixed into the music figures of the other pages. */
@Route("podcasts")
@PageTitle("Podcasts · Listening")
@Menu(title = "Podcasts", order = 9)
class PodcastsView extends DashboardPage {

  private final PodcastQueries queries;

  PodcastsView(PodcastQueries queries, Listeners listeners) {
    super("Podcasts", listeners);
    this.queries = queries;
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    PodcastQueries.Podcasts podcasts = queries.podcasts(filter);
    List<Show> shows = podcasts.top();
    if (shows.isEmpty()) {
      return Optional.empty();
    }
    Grid<Show> grid = new Grid<>();
    grid.setId("shows-table");
    grid.addColumn(Show::name).setHeader("Show").setFlexGrow(3);
    grid.addColumn(s -> Formats.duration(s.listeningMs())).setHeader("Time").setTextAlign(ColumnTextAlign.END);
    grid.addColumn(s -> Formats.count(s.streams())).setHeader("Episode streams").setTextAlign(ColumnTextAlign.END);
    grid.addColumn(s -> Formats.count(s.days())).setHeader("Days").setTextAlign(ColumnTextAlign.END);
    grid.addColumn(s -> Formats.count(s.listeners())).setHeader("Listeners").setTextAlign(ColumnTextAlign.END);
    grid.setAllRowsVisible(true);
    grid.setItems(shows);
    return Optional.of(
        new Div(
            Figures.row(
                Figures.card("podcast-time", "Podcast time", Formats.duration(podcasts.listeningMs())),
                Figures.card("podcast-shows", "Shows", Formats.count(podcasts.shows()))),
            Figures.chart(
                "shows-chart",
                "Hours listened per show",
                ChartOptions.bars(
                    shows.stream().map(Show::name).toList(),
                    shows.stream().map(s -> Formats.hours(s.listeningMs())).toList(),
                    "Hours",
                    true),
                Math.max(10, shows.size() * 1.6) + "rem"),
            grid));
  }

  @Override
  protected String emptyMessage(DashboardFilter filter) {
    return "No podcast episodes in this range (" + filter.describeRange() + ").";
  }
}
