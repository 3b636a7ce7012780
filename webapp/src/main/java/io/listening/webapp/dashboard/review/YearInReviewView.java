package io.listening.webapp.dashboard.review;

import com.vaadin.flow.component.Component;
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

/** A card per listener and local year: the year in music, as gold.year_in_review has it. */
@Route("year-in-review")
@PageTitle("Year in review · Listening")
@Menu(title = "Year in review", order = 8)
class YearInReviewView extends DashboardPage {

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
    Div page = new Div();
    for (Year year : years) {
      page.add(card(year));
    }
    return Optional.of(page);
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
