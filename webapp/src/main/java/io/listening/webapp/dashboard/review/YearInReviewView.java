package io.listening.webapp.dashboard.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DashboardPage;
import io.listening.webapp.dashboard.Figures;
import io.listening.webapp.dashboard.Formats;
import io.listening.webapp.dashboard.Listeners;
import io.listening.webapp.dashboard.review.YearInReviewQueries.Year;
import java.util.List;
import java.util.Optional;

/**
 * The year in music, as gold.year_in_review has it: a card per listener and local year, or, when
 * there are more listener-years than {@link #MOST_CARDS}, one lazily scrolled table of them whose
 * listener links open that listener's cards.
 */
@Route("year-in-review")
@PageTitle("Year in review · Listening")
@Menu(title = "Year in review", order = 8)
class YearInReviewView extends DashboardPage {

  /**
   * The most listener-years shown as cards. A card is about twenty elements; 3,000 listeners over
   * three years drew 9,000 of them and kept headless Chromium busy for minutes, where a grid draws
   * only the rows in view.
   */
  static final int MOST_CARDS = 24;

  private final YearInReviewQueries queries;

  YearInReviewView(YearInReviewQueries queries, Listeners listeners) {
    super("Year in review", listeners);
    this.queries = queries;
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    List<Year> years = queries.years(filter);
    if (years.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(years(years, filter));
  }

  static Component years(List<Year> years, DashboardFilter filter) {
    if (years.size() > MOST_CARDS) {
      return table(years, filter);
    }
    Div page = new Div();
    for (Year year : years) {
      page.add(card(year));
    }
    return page;
  }

  private static Component table(List<Year> years, DashboardFilter filter) {
    Grid<Year> grid = new Grid<>();
    grid.setId("years-table");
    grid.addComponentColumn(year -> listenerLink(year, filter)).setHeader("Listener").setFlexGrow(2);
    grid.addColumn(Year::year).setHeader("Year").setSortable(true).setWidth("6rem").setFlexGrow(0);
    grid.addColumn(year -> Formats.count(Math.round(year.minutes())))
        .setHeader("Minutes")
        .setTextAlign(ColumnTextAlign.END)
        .setComparator(Year::minutes);
    grid.addColumn(year -> Formats.count(year.plays()))
        .setHeader("Plays")
        .setTextAlign(ColumnTextAlign.END)
        .setComparator(Year::plays);
    grid.addColumn(year -> Formats.count(year.activeDays()))
        .setHeader("Days listened")
        .setTextAlign(ColumnTextAlign.END)
        .setComparator(Year::activeDays);
    grid.addColumn(year -> Formats.count(year.longestStreakDays()) + " days")
        .setHeader("Longest streak")
        .setTextAlign(ColumnTextAlign.END)
        .setComparator(Year::longestStreakDays);
    grid.addColumn(year -> year.topTracks() == null ? "none" : year.topTracks())
        .setHeader("Top tracks")
        .setFlexGrow(3);
    grid.setItems(years);
    grid.setHeight("36rem");
    Paragraph note =
        new Paragraph(
            Formats.count(years.size())
                + " listener-years, the latest year first and in it the most minutes first. Choose a listener"
                + " for their year in review.");
    note.setId("years-note");
    return new Div(note, grid);
  }

  private static Component listenerLink(Year year, DashboardFilter filter) {
    String query = filter.withUser(year.userId()).toQuery().getQueryString();
    Anchor anchor = new Anchor("year-in-review?" + query, year.userId());
    anchor.addClassName("item-link");
    return anchor;
  }

  private static Component card(Year year) {
    String id = "year-" + year.year() + "-" + year.userId().replaceAll("[^A-Za-z0-9_-]", "_");
    Div card = new Div(new H3(year.userId() + " in " + year.year()));
    card.setId(id);
    card.addClassName("dashboard-section");
    card.add(
        Figures.row(
            Figures.card(id + "-minutes", "Minutes listened", Formats.count(Math.round(year.minutes()))),
            Figures.card(id + "-plays", "Plays", Formats.count(year.plays())),
            Figures.card(id + "-active-days", "Days listened", Formats.count(year.activeDays())),
            Figures.card(id + "-streak", "Longest streak", Formats.count(year.longestStreakDays()) + " days"),
            Figures.card(id + "-new-artists", "New artists", Formats.count(year.newArtists())),
            Figures.card(id + "-new-tracks", "New tracks", Formats.count(year.newTracks()))));
    card.add(new Paragraph("Top tracks: " + (year.topTracks() == null ? "none" : year.topTracks())));
    card.add(new Paragraph("Top artists: " + (year.topArtists() == null ? "none" : year.topArtists())));
    if (year.streakStart() != null && year.streakEnd() != null) {
      card.add(
          new Paragraph(
              "Longest streak from " + Formats.date(year.streakStart()) + " to " + Formats.date(year.streakEnd()) + "."));
    }
    return card;
  }
}
