package io.listening.webapp.dashboard.clock;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.listening.webapp.base.ui.ChartOptions;
import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DashboardPage;
import io.listening.webapp.dashboard.Figures;
import io.listening.webapp.dashboard.Formats;
import io.listening.webapp.dashboard.Listeners;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/** When people listen: a weekday x hour heat map in each listener's own time zone. */
@Route("clock")
@PageTitle("Listening clock · Listening")
@Menu(title = "Listening clock", order = 4)
class ListeningClockView extends DashboardPage {

  private final ClockQueries queries;

  ListeningClockView(ClockQueries queries, Listeners listeners) {
    super("Listening clock", listeners);
    this.queries = queries;
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    WeekClock clock = queries.clock(filter);
    if (clock.totalMs() == 0) {
      return Optional.empty();
    }
    List<String> hours = IntStream.range(0, 24).mapToObj(h -> String.format(Locale.ROOT, "%02d", h)).toList();
    List<String> days = new ArrayList<>();
    List<List<Number>> cells = new ArrayList<>();
    DayOfWeek busiestDay = DayOfWeek.MONDAY;
    int busiestHour = 0;
    for (DayOfWeek day : DayOfWeek.values()) {
      days.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
      for (int hour = 0; hour < 24; hour++) {
        long plays = clock.plays(day, hour);
        cells.add(List.of(hour, day.getValue() - 1, plays));
        if (plays > clock.plays(busiestDay, busiestHour)) {
          busiestDay = day;
          busiestHour = hour;
        }
      }
    }
    Paragraph busiest =
        new Paragraph(
            "Busiest hour: "
                + busiestDay.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + String.format(Locale.ROOT, " %02d:00 to %02d:59", busiestHour, busiestHour)
                + ", "
                + Formats.count(clock.plays(busiestDay, busiestHour))
                + " plays. Hours are each listener's local time.");
    busiest.setId("busiest-hour");
    return Optional.of(
        new Div(
            busiest,
            Figures.chart(
                "clock-chart",
                "Plays per weekday and local hour",
                ChartOptions.heatmap(hours, days, cells, clock.maxPlays(), "Plays"),
                "22rem")));
  }
}
