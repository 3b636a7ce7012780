package io.listening.webapp.stats.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.listening.webapp.stats.ListeningSummary;
import io.listening.webapp.stats.ListeningTotals;
import io.listening.webapp.stats.StatsService;
import io.listening.webapp.stats.TopTrack;
import io.listening.webapp.warehouse.WarehouseBuild;
import io.listening.webapp.warehouse.WarehouseUnavailableException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard: all-time totals and the most played tracks of the published warehouse build. It
 * reads the warehouse when opened; reloading the page shows a newer build.
 */
@Route("")
@PageTitle("Listening dashboard")
class DashboardView extends VerticalLayout {

  static final int TOP_TRACKS = 10;

  private static final DateTimeFormatter UTC_MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  DashboardView(StatsService stats) {
    setMaxWidth("72rem");
    getStyle().set("margin", "0 auto");
    add(new H1("Listening dashboard"));
    try {
      ListeningSummary summary = stats.summary(TOP_TRACKS);
      add(
          buildLine(summary.build(), summary.totals()),
          totalsRow(summary.totals()),
          new H2("Top tracks"),
          topTracksGrid(summary.topTracks()));
    } catch (WarehouseUnavailableException e) {
      Paragraph message = new Paragraph(e.getMessage());
      message.setId("warehouse-unavailable");
      message
          .getStyle()
          .set("padding", "var(--lumo-space-m)")
          .set("border-radius", "var(--lumo-border-radius-m)")
          .set("background", "var(--lumo-contrast-5pct)");
      add(message);
    }
  }

  private static Component buildLine(WarehouseBuild build, ListeningTotals totals) {
    StringBuilder text = new StringBuilder("Warehouse build ").append(build.buildId());
    if (build.builtAt() != null) {
      text.append(", built ").append(UTC_MINUTES.format(build.builtAt()));
    }
    if (totals.firstPlayedAt() != null && totals.lastPlayedAt() != null) {
      text.append(". Plays from ")
          .append(UTC_MINUTES.format(totals.firstPlayedAt()))
          .append(" to ")
          .append(UTC_MINUTES.format(totals.lastPlayedAt()));
    }
    Paragraph line = new Paragraph(text.append('.').toString());
    line.setId("build-info");
    line.getStyle().set("color", "var(--lumo-secondary-text-color)");
    return line;
  }

  private static Component totalsRow(ListeningTotals totals) {
    FlexLayout row = new FlexLayout();
    row.setWidthFull();
    row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    row.getStyle().set("gap", "var(--lumo-space-m)");
    row.add(
        card("total-plays", "Plays", count(totals.totalPlays())),
        card("total-skips", "Skips", count(totals.totalSkips())),
        card("unique-tracks", "Tracks", count(totals.uniqueTracks())),
        card("unique-artists", "Artists", count(totals.uniqueArtists())),
        card("unique-users", "Listeners", count(totals.uniqueUsers())),
        card("listening-hours", "Hours listened", hours(totals.listeningHours())));
    return row;
  }

  private static Component card(String id, String label, String value) {
    Span caption = new Span(label);
    caption
        .getStyle()
        .set("color", "var(--lumo-secondary-text-color)")
        .set("font-size", "var(--lumo-font-size-s)");
    Span number = new Span(value);
    number.setId(id);
    number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
    Div card = new Div(caption, number);
    card.getStyle()
        .set("display", "flex")
        .set("flex-direction", "column")
        .set("flex", "1 1 8rem")
        .set("padding", "var(--lumo-space-m)")
        .set("border", "1px solid var(--lumo-contrast-10pct)")
        .set("border-radius", "var(--lumo-border-radius-l)");
    return card;
  }

  private static Component topTracksGrid(List<TopTrack> tracks) {
    Grid<TopTrack> grid = new Grid<>(TopTrack.class, false);
    grid.setId("top-tracks");
    grid.addColumn(TopTrack::trackName).setHeader("Track").setFlexGrow(3);
    grid.addColumn(TopTrack::artistName).setHeader("Artist").setFlexGrow(2);
    grid.addColumn(track -> count(track.plays()))
        .setHeader("Plays")
        .setTextAlign(ColumnTextAlign.END);
    grid.addColumn(track -> count(track.listeners()))
        .setHeader("Listeners")
        .setTextAlign(ColumnTextAlign.END);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.setItems(tracks);
    return grid;
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String hours(double value) {
    return String.format(Locale.ROOT, "%,.1f", value);
  }
}
