package io.listening.webapp.dashboard.artists;

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

/** The most played artists of the range; each opens its own page. */
@Route("top-artists")
@PageTitle("Top artists · Listening")
@Menu(title = "Top artists", order = 3)
class TopArtistsView extends DashboardPage {

  private final ArtistQueries queries;

  TopArtistsView(ArtistQueries queries, Listeners listeners) {
    super("Top artists", listeners);
    this.queries = queries;
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    List<Ranked> artists = queries.top(filter);
    if (artists.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        RankedList.of("top-artists", "Top artists", "Artist", "Tracks", artists, filter, "artists/"));
  }
}
