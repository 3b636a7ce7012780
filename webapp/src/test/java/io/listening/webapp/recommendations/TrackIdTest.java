package io.listening.webapp.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.events.TrackIds;
import org.junit.jupiter.api.Test;

class TrackIdTest {

  @Test
  void holdsIdsTheEventContractAccepts() {
    String derived = TrackIds.derive("Rick Astley", "Never Gonna Give You Up");

    assertThat(new TrackId(derived).value()).isEqualTo(derived);
    assertThat(new TrackId("4uLU6hMCjMI75M1A2tKUQC")).hasToString("4uLU6hMCjMI75M1A2tKUQC");
  }

  @Test
  void refusesAnIdTheEventContractRejects() {
    assertThatThrownBy(() -> new TrackId("spotify:track:4uLU6hMCjMI75M1A2tKUQC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(TrackIds.RULE);
  }
}
