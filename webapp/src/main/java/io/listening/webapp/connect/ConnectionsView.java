package io.listening.webapp.connect;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code /connections}: who is connected to Spotify and who must reconnect (the poller marks a user
 * {@code reconnect_needed} when Spotify rejects the refresh token, e.g. after six months or a revoked
 * access), with a Connect button and a Reconnect button per such user. Shows the outcome of the
 * last connection attempt. Lists user ids and states only, never a token.
 */
@Route(ConnectionsView.ROUTE)
@PageTitle("Connections")
@Menu(title = "Connections", order = 12)
public class ConnectionsView extends VerticalLayout implements BeforeEnterObserver {

  static final String ROUTE = "connections";

  private static final DateTimeFormatter UPDATED =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Connections connections;
  private final SpotifyConnectProperties properties;
  private final Paragraph outcome = new Paragraph();
  private final Paragraph storeProblem = new Paragraph();
  private final Paragraph empty = new Paragraph("Nobody is connected yet.");
  private final Grid<Connection> grid = new Grid<>(Connection.class, false);

  public ConnectionsView(Connections connections, SpotifyConnectProperties properties) {
    this.connections = connections;
    this.properties = properties;
    outcome.setId("connect-outcome");
    outcome.setVisible(false);
    storeProblem.setId("connections-problem");
    storeProblem.setVisible(false);
    empty.setId("connections-empty");
    grid.setId("connections");
    grid.setAllRowsVisible(true);
    grid.addColumn(Connection::userId).setHeader("User").setAutoWidth(true);
    grid.addComponentColumn(ConnectionsView::status).setHeader("Status").setAutoWidth(true);
    grid.addColumn(c -> c.updatedAt() == null ? "" : UPDATED.format(c.updatedAt()))
        .setHeader("Changed")
        .setAutoWidth(true);
    grid.addComponentColumn(c -> c.connected() ? new Span() : connectLink("Reconnect", c.userId()))
        .setHeader("")
        .setAutoWidth(true);
    add(
        new H1("Connections"),
        new Paragraph(
            "Connect a Spotify account so the poller publishes what it plays. Spotify asks you to"
                + " allow reading what you play now and played recently; the refresh token is kept"
                + " encrypted in the poller's token store."),
        connectLink("Connect Spotify", null),
        outcome,
        storeProblem,
        empty,
        grid);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    QueryParameters query = event.getLocation().getQueryParameters();
    Optional<String> connected = first(query, "connected");
    Optional<ConnectError> error = first(query, "error").flatMap(ConnectError::ofCode);
    List<Connection> users = refresh();
    if (error.isPresent()) {
      show(error.get().message(), "error");
    } else if (connected.isPresent()
        && users.stream().anyMatch(c -> c.userId().equals(connected.get()) && c.connected())) {
      // Only a user the store really holds: the address alone proves nothing.
      show("Connected the Spotify account " + connected.get() + ".", "success");
    } else {
      outcome.setVisible(false);
    }
  }

  private List<Connection> refresh() {
    List<Connection> users;
    try {
      users = connections.list();
      storeProblem.setVisible(false);
    } catch (ConnectionStoreUnavailableException e) {
      users = List.of();
      storeProblem.setText("The token store cannot be read: " + e.getMessage());
      storeProblem.getElement().getThemeList().add("badge error");
      storeProblem.setVisible(true);
    }
    if (!properties.hasClientId()) {
      storeProblem.setText(ConnectError.NOT_CONFIGURED.message());
      storeProblem.setVisible(true);
    }
    grid.setItems(users);
    grid.setVisible(!users.isEmpty());
    empty.setVisible(users.isEmpty());
    return users;
  }

  private void show(String message, String theme) {
    outcome.setText(message);
    outcome.getElement().getThemeList().clear();
    outcome.getElement().getThemeList().add("badge " + theme);
    outcome.setVisible(true);
  }

  private static Span status(Connection connection) {
    Span status = new Span(connection.statusText());
    status.getElement().getThemeList().add(connection.connected() ? "badge success" : "badge error");
    status.addClassName("connection-status");
    return status;
  }

  /** A full page load of {@code /connect/spotify}, which leaves for Spotify: not a router link. */
  private static Anchor connectLink(String text, @Nullable String userId) {
    Anchor link = new Anchor(ConnectController.START, text);
    link.setRouterIgnore(true);
    link.getElement().setAttribute("theme", "primary");
    link.addClassName("connect-spotify");
    if (userId != null) {
      link.getElement().setAttribute("aria-label", text + " " + userId);
    } else {
      link.setId("connect-spotify");
    }
    return link;
  }

  private static Optional<String> first(QueryParameters query, String name) {
    return query.getParameters().getOrDefault(name, List.of()).stream().findFirst();
  }
}
