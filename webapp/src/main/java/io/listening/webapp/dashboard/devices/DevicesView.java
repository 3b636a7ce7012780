package io.listening.webapp.dashboard.devices;

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
import io.listening.webapp.dashboard.devices.DeviceQueries.DeviceUse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Listening time per device type (a ring) and per device and platform (a table). */
@Route("devices")
@PageTitle("Devices · Listening")
@Menu(title = "Devices", order = 6)
class DevicesView extends DashboardPage {

  private final DeviceQueries queries;

  DevicesView(DeviceQueries queries, Listeners listeners) {
    super("Devices and platforms", listeners);
    this.queries = queries;
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    List<DeviceUse> devices = queries.devices(filter);
    long total = devices.stream().mapToLong(DeviceUse::listeningMs).sum();
    if (devices.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Double> hoursByType = new LinkedHashMap<>();
    for (DeviceUse device : devices) {
      hoursByType.merge(device.deviceType(), Formats.hours(device.listeningMs()), Double::sum);
    }
    Grid<DeviceUse> grid = new Grid<>();
    grid.setId("devices-table");
    grid.addColumn(DeviceUse::deviceType).setHeader("Device");
    grid.addColumn(DeviceUse::platform).setHeader("Platform");
    grid.addColumn(d -> Formats.count(d.plays())).setHeader("Plays").setTextAlign(ColumnTextAlign.END);
    grid.addColumn(d -> Formats.duration(d.listeningMs())).setHeader("Time").setTextAlign(ColumnTextAlign.END);
    grid.addColumn(d -> total == 0 ? "" : Formats.percent((double) d.listeningMs() / total))
        .setHeader("Share of time")
        .setTextAlign(ColumnTextAlign.END);
    grid.setAllRowsVisible(true);
    grid.setItems(devices);
    return Optional.of(
        new Div(
            Figures.chart("devices-chart", "Hours listened per device type", ChartOptions.ring(hoursByType, "Hours"), "18rem"),
            grid));
  }
}
