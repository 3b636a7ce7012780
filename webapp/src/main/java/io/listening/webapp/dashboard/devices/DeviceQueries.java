package io.listening.webapp.dashboard.devices;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FactQuery;
import io.listening.webapp.warehouse.Warehouse;
import java.util.List;
import org.springframework.stereotype.Service;

/** Music per device type and platform from gold.daily_device_listening. */
@Service
class DeviceQueries {

  private static final String DEVICES_SQL =
      """
      select device_type, platform, sum(plays) as plays, sum(skips) as skips,
             sum(listening_ms) as listening_ms
      from gold.daily_device_listening
      where {filter}
      group by device_type, platform
      order by listening_ms desc, device_type, platform
      """;

  /** One device type on one platform. */
  record DeviceUse(String deviceType, String platform, long plays, long skips, long listeningMs) {}

  private final Warehouse warehouse;

  DeviceQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  List<DeviceUse> devices(DashboardFilter filter) {
    return warehouse.read(
        (connection, build) ->
            FactQuery.of(DEVICES_SQL, filter)
                .list(
                    connection,
                    row ->
                        new DeviceUse(
                            row.getString("device_type"),
                            row.getString("platform"),
                            row.getLong("plays"),
                            row.getLong("skips"),
                            row.getLong("listening_ms"))));
  }
}
