package io.listening.webapp.dashboard.artists;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DashboardPage;
import io.listening.webapp.dashboard.Figures;
import io.listening.webapp.dashboard.Formats;
import io.listening.webapp.dashboard.Listeners;
import io.listening.webapp.dashboard.Ranked;
import io.listening.webapp.dashboard.RankedList;
import java.util.List;
import java.util.Optional;

/** One artist: figures, day-by-day history and most played tracks in the range. */
@Route("artists/:artistKey")
@PageTitle("Artist · Listening")
class ArtistView extends DashboardPage {

  private final ArtistQueries queries;
  private String artistKey = "";

  ArtistView(ArtistQueries queries, Listeners listeners) {
    super("Artist", listeners);
    this.queries = queries;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    artistKey = event.getRouteParameters().get("artistKey").orElse("");
    super.beforeEnter(event);
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    List<Ranked> artist = queries.artist(filter, artistKey);
    if (artist.isEmpty()) {
      return Optional.empty();
    }
    Ranked figures = artist.get(0);
    Paragraph name = new Paragraph(figures.name());
    name.setId("artist-name");
    return Optional.of(
        new Div(
            name,
            Figures.row(
                Figures.card("artist-plays", "Plays", Formats.count(figures.plays())),
                Figures.card("artist-time", "Listening time", Formats.duration(figures.listeningMs())),
                Figures.card("artist-tracks", "Tracks", figures.detail()),
                Figures.card("artist-skip-rate", "Skip rate", Formats.percent(figures.skipRate()))),
            Figures.section(
                "History",
                RankedList.history(
                    "artist-history", "Plays and skips of the artist per day", queries.history(filter, artistKey))),
            Figures.section(
                "Tracks",
                RankedList.of(
                    "artist-tracks",
                    "Tracks of " + figures.name(),
                    "Track",
                    "Artist",
                    queries.tracks(filter, artistKey),
                    filter,
                    "tracks/"))));
  }

  @Override
  protected String emptyMessage(DashboardFilter filter) {
    return "No plays of this artist in this range (" + filter.describeRange() + ").";
  }
}
