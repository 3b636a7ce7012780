package io.listening.webapp.dashboard.sessions;

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
import io.listening.webapp.dashboard.sessions.SessionQueries.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How long listening sessions last (a histogram) and the longest ones. */
@Route("sessions")
@PageTitle("Sessions · Listening")
@Menu(title = "Sessions", order = 7)
class SessionsView extends DashboardPage {

  private final SessionQueries queries;

  SessionsView(SessionQueries queries, Listeners listeners) {
    super("Sessions", listeners);
    this.queries = queries;
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    long[] buckets = queries.lengthDistribution(filter);
    long sessions = Arrays.stream(buckets).sum();
    if (sessions == 0) {
      return Optional.empty();
    }
    Grid<Session> longest = new Grid<>();
    longest.setId("longest-sessions");
    longest.addColumn(Session::userId).setHeader("Listener");
    longest.addColumn(s -> Formats.localMinute(s.localStart())).setHeader("Started (local)");
    longest.addColumn(s -> Formats.duration(s.lengthMs())).setHeader("Length").setTextAlign(ColumnTextAlign.END);
    longest.addColumn(s -> Formats.count(s.tracks())).setHeader("Plays").setTextAlign(ColumnTextAlign.END);
    longest.addColumn(s -> Formats.count(s.skips())).setHeader("Skips").setTextAlign(ColumnTextAlign.END);
    longest.setAllRowsVisible(true);
    longest.setItems(queries.longest(filter));
    return Optional.of(
        new Div(
            Figures.row(Figures.card("sessions", "Sessions", Formats.count(sessions))),
            Figures.section(
                "Length",
                Figures.chart(
                    "session-lengths",
                    "Sessions per length",
                    ChartOptions.bars(bucketLabels(), Arrays.stream(buckets).boxed().toList(), "Sessions", false),
                    "16rem")),
            Figures.section("Longest sessions", longest)));
  }

  static List<String> bucketLabels() {
    List<Integer> bounds = SessionQueries.BUCKET_MINUTES;
    List<String> labels = new ArrayList<>();
    labels.add("under " + minutes(bounds.get(0)));
    for (int i = 1; i < bounds.size(); i++) {
      labels.add(minutes(bounds.get(i - 1)) + " to " + minutes(bounds.get(i)));
    }
    labels.add(minutes(bounds.get(bounds.size() - 1)) + " or more");
    return labels;
  }

  private static String minutes(int minutes) {
    return minutes < 60 ? minutes + " min" : (minutes / 60) + " h";
  }
}
