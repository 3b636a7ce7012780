package io.listening.webapp.dashboard.trends;

import com.vaadin.flow.component.Component;
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
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Plays and hours per day, week and month. */
@Route("trends")
@PageTitle("Trends · Listening")
@Menu(title = "Trends", order = 1)
class TrendsView extends DashboardPage {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  private final TrendQueries queries;

  TrendsView(TrendQueries queries, Listeners listeners) {
    super("Trends", listeners);
    this.queries = queries;
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    List<DayTotals> days = queries.daily(filter);
    if (days.isEmpty()) {
      return Optional.empty();
    }
    List<DayTotals> weeks = TrendQueries.weekly(days);
    List<DayTotals> months = TrendQueries.monthly(days);
    Div page = new Div();
    page.add(
        Figures.section(
            "Daily",
            Figures.chart(
                "daily-chart",
                "Plays and hours listened per day",
                ChartOptions.lines(days.stream().map(d -> d.day().toString()).toList(), series(days)),
                "20rem")),
        Figures.section(
            "Weekly",
            Figures.chart(
                "weekly-chart",
                "Hours listened per week, weeks from Monday",
                ChartOptions.bars(
                    weeks.stream().map(w -> "Week of " + Formats.date(w.day())).toList(),
                    weeks.stream().map(w -> Formats.hours(w.listeningMs())).toList(),
                    "Hours",
                    false),
                "16rem")),
        Figures.section(
            "Monthly",
            Figures.chart(
                "monthly-chart",
                "Hours listened per month",
                ChartOptions.bars(
                    months.stream().map(m -> MONTH.format(m.day())).toList(),
                    months.stream().map(m -> Formats.hours(m.listeningMs())).toList(),
                    "Hours",
                    false),
                "16rem")));
    return Optional.of(page);
  }

  private static Map<String, List<? extends Number>> series(List<DayTotals> days) {
    Map<String, List<? extends Number>> series = new LinkedHashMap<>();
    series.put("Plays", days.stream().map(DayTotals::plays).toList());
    series.put("Hours", days.stream().map(d -> Formats.hours(d.listeningMs())).toList());
    return series;
  }
}
