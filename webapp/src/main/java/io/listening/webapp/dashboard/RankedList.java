package io.listening.webapp.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import io.listening.webapp.base.ui.ChartOptions;
import io.listening.webapp.base.ui.EChart;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A top list as a bar chart and a table; a bar or a name opens the item's own page ({@code
 * detailPath} + id), with the same filter.
 */
public final class RankedList {

  private RankedList() {}

  /**
   * @param id prefix of the chart's and the table's ids
   * @param detailPath the route of an item's page, e.g. {@code "tracks/"}; null for no link
   */
  public static Component of(
      String id,
      String title,
      String nameHeader,
      String detailHeader,
      List<Ranked> items,
      DashboardFilter filter,
      String detailPath) {
    EChart chart =
        Figures.chart(
            id + "-chart",
            title + ", plays per item",
            ChartOptions.bars(
                items.stream().map(Ranked::name).toList(),
                items.stream().map(Ranked::plays).toList(),
                "Plays",
                true),
            Math.max(12, items.size() * 1.6) + "rem");
    chart.addItemClickListener(
        click -> {
          if (click.index() >= 0 && click.index() < items.size()) {
            UI.getCurrent().navigate(path(detailPath, items.get(click.index())), filter.toQuery());
          }
        });
    Grid<Ranked> grid = new Grid<>();
    grid.setId(id + "-table");
    grid.addColumn(item -> items.indexOf(item) + 1).setHeader("#").setWidth("4rem").setFlexGrow(0);
    grid.addComponentColumn(item -> link(detailPath, item, filter)).setHeader(nameHeader).setFlexGrow(3);
    grid.addColumn(Ranked::detail).setHeader(detailHeader).setFlexGrow(2);
    grid.addColumn(item -> Formats.count(item.plays())).setHeader("Plays").setTextAlign(ColumnTextAlign.END);
    grid.addColumn(item -> Formats.duration(item.listeningMs()))
        .setHeader("Time")
        .setTextAlign(ColumnTextAlign.END);
    grid.addColumn(item -> Formats.count(item.listeners()))
        .setHeader("Listeners")
        .setTextAlign(ColumnTextAlign.END);
    grid.setAllRowsVisible(true);
    grid.setItems(items);
    return new Div(chart, grid);
  }

  private static Component link(String detailPath, Ranked item, DashboardFilter filter) {
    String query = filter.toQuery().getQueryString();
    Anchor anchor = new Anchor(path(detailPath, item) + (query.isEmpty() ? "" : "?" + query), item.name());
    anchor.addClassName("item-link");
    return anchor;
  }

  private static String path(String detailPath, Ranked item) {
    return detailPath + URLEncoder.encode(item.id(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A day-by-day chart of plays and skips. */
  public static Component history(String id, String label, List<DayHistory> days) {
    return Figures.chart(
        id,
        label,
        ChartOptions.lines(
            days.stream().map(d -> d.day().toString()).toList(),
            java.util.Map.of(
                "Plays", days.stream().map(DayHistory::plays).toList(),
                "Skips", days.stream().map(DayHistory::skips).toList())),
        "18rem");
  }
}
