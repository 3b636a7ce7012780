package io.listening.webapp.dashboard.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FixtureWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeviceQueriesTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  @Test
  void devicesAreOrderedByListeningTime() {
    assertThat(new DeviceQueries(fixture.warehouse()).devices(DashboardFilter.everything()))
        .extracting(DeviceQueries.DeviceUse::deviceType, DeviceQueries.DeviceUse::platform, DeviceQueries.DeviceUse::listeningMs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("smartphone", "android", 1_600_000L),
            org.assertj.core.groups.Tuple.tuple("speaker", "sonos", 900_000L),
            org.assertj.core.groups.Tuple.tuple("computer", "linux", 400_000L),
            org.assertj.core.groups.Tuple.tuple("smartphone", "ios", 300_000L));
  }
}
