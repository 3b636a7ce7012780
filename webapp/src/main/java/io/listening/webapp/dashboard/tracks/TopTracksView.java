package io.listening.webapp.dashboard.tracks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DashboardPage;
import io.listening.webapp.dashboard.Listeners;
import io.listening.webapp.dashboard.Ranked;
import io.listening.webapp.dashboard.RankedList;
import java.util.List;
import java.util.Optional;

/** The most played tracks of the range; each opens its own page. */
@Route("top-tracks")
@PageTitle("Top tracks · Listening")
@Menu(title = "Top tracks", order = 2)
class TopTracksView extends DashboardPage {

  private final TrackQueries queries;

  TopTracksView(TrackQueries queries, Listeners listeners) {
    super("Top tracks", listeners);
    this.queries = queries;
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    List<Ranked> tracks = queries.top(filter);
    if (tracks.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        RankedList.of("top-tracks", "Top tracks", "Track", "Artist", tracks, filter, "tracks/"));
  }
}
