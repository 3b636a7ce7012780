package io.listening.webapp.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import io.listening.webapp.warehouse.WarehouseUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * The frame of every dashboard page: the title, the filter bar, and the page's content for the
 * filter in the URL. The content goes through three states: "Loading" is sent first and the read
 * starts when the browser has shown it; then the figures, or "No plays" when the read found
 * nothing, or the reason the warehouse cannot answer. A filter the URL gets wrong is named and the
 * page shows all time for everyone instead.
 */
public abstract class DashboardPage extends VerticalLayout implements BeforeEnterObserver {

  private final Listeners listeners;
  private final Div content = new Div();
  private Location location = new Location("");

  protected DashboardPage(String title, Listeners listeners) {
    this.listeners = listeners;
    addClassName("dashboard-page");
    setMaxWidth("80rem");
    setWidthFull();
    getStyle().set("margin", "0 auto");
    content.setId("page-content");
    content.setWidthFull();
    add(new H1(title));
  }

  /**
   * The page's figures for {@code filter}, read from the warehouse; empty when the filter selects
   * no plays. Runs once per filter; may throw {@link WarehouseUnavailableException}.
   */
  protected abstract Optional<Component> content(DashboardFilter filter);

  /** What the empty state says; pages name what is missing. */
  protected String emptyMessage(DashboardFilter filter) {
    return "No plays "
        + (filter.userId() == null ? "" : "by " + filter.userId() + " ")
        + "in this range ("
        + filter.describeRange()
        + "). Choose a longer range or another listener.";
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    location = event.getLocation();
    DashboardFilter filter;
    Optional<String> filterError = Optional.empty();
    try {
      filter = DashboardFilter.fromQuery(location.getQueryParameters(), listeners.today());
    } catch (InvalidFilterException e) {
      filter = DashboardFilter.everything();
      filterError = Optional.of(e.getMessage());
    }
    show(filter, filterError);
  }

  private void show(DashboardFilter filter, Optional<String> filterError) {
    getChildren().skip(1).toList().forEach(this::remove);
    List<String> users;
    try {
      users = listeners.all();
    } catch (WarehouseUnavailableException e) {
      add(state("warehouse-unavailable", e.getMessage()));
      return;
    }
    add(new FilterBar(filter, users, listeners.today(), this::navigate));
    filterError.ifPresent(message -> add(state("filter-error", message + " Showing all time.")));
    content.removeAll();
    content.add(state("loading", "Loading…"));
    add(content);
    // Shows "Loading" before the read: the read starts on the browser's answer to this call.
    UI.getCurrent().getPage().executeJs("return 0").then(ignored -> load(filter));
  }

  private void load(DashboardFilter filter) {
    content.removeAll();
    try {
      content.add(content(filter).orElseGet(() -> state("empty", emptyMessage(filter))));
    } catch (WarehouseUnavailableException e) {
      content.add(state("warehouse-unavailable", e.getMessage()));
    }
  }

  private void navigate(DashboardFilter filter) {
    // Same path (a track page keeps its id), new query: beforeEnter runs again with it.
    UI.getCurrent().navigate(location.getPath(), filter.toQuery());
  }

  /** A message in place of the content, with an id tests and screen readers can find. */
  public static Component state(String id, String message) {
    Paragraph paragraph = new Paragraph(message);
    paragraph.setId(id);
    paragraph.addClassName("dashboard-state");
    paragraph.getElement().setAttribute("role", "status");
    return paragraph;
  }
}
