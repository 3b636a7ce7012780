package io.listening.webapp.dashboard.tracks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.listening.events.TrackIds;
import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DashboardPage;
import io.listening.webapp.dashboard.Figures;
import io.listening.webapp.dashboard.Formats;
import io.listening.webapp.dashboard.Listeners;
import io.listening.webapp.dashboard.Ranked;
import io.listening.webapp.dashboard.RankedList;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** One track: its figures and day-by-day history in the range. */
@Route("tracks/:trackId")
@PageTitle("Track · Listening")
class TrackView extends DashboardPage {

  private final TrackQueries queries;
  private String trackId = "";

  TrackView(TrackQueries queries, Listeners listeners) {
    super("Track", listeners);
    this.queries = queries;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    trackId = event.getRouteParameters().get("trackId").orElse("");
    super.beforeEnter(event);
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    if (!TrackIds.isValid(trackId)) {
      return Optional.of(state("invalid-track", "'" + trackId + "' is not a track id: " + TrackIds.RULE));
    }
    List<Ranked> track = queries.track(filter, trackId);
    if (track.isEmpty()) {
      return Optional.empty();
    }
    Ranked figures = track.get(0);
    String query = filter.toQuery().getQueryString();
    Anchor artist =
        new Anchor(
            "artists/"
                + URLEncoder.encode(queries.artistKey(trackId), StandardCharsets.UTF_8).replace("+", "%20")
                + (query.isEmpty() ? "" : "?" + query),
            figures.detail());
    artist.setId("track-artist");
    Paragraph heading = new Paragraph(figures.name() + " by ");
    heading.setId("track-name");
    heading.add(artist);
    return Optional.of(
        new Div(
            heading,
            Figures.row(
                Figures.card("track-plays", "Plays", Formats.count(figures.plays())),
                Figures.card("track-time", "Listening time", Formats.duration(figures.listeningMs())),
                Figures.card("track-skip-rate", "Skip rate", Formats.percent(figures.skipRate())),
                Figures.card("track-listeners", "Listeners", Formats.count(figures.listeners()))),
            Figures.section(
                "History",
                RankedList.history(
                    "track-history", "Plays and skips of the track per day", queries.history(filter, trackId)))));
  }

  @Override
  protected String emptyMessage(DashboardFilter filter) {
    return "No plays of this track in this range (" + filter.describeRange() + ").";
  }
}
