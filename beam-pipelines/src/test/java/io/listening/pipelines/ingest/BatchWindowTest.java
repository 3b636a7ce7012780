package io.listening.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BatchWindowTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2024-06-01T12:30:15.123Z"), ZoneOffset.UTC);

  @Test
  void airflowStyleOffsetsAndZuluInstantsAreBothAccepted() {
    BatchWindow window = BatchWindow.of("2024-06-01T10:00:00+00:00", "2024-06-01T11:00:00Z", NOW);

    assertThat(window.start()).isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
    assertThat(window.end()).isEqualTo(Instant.parse("2024-06-01T11:00:00Z"));
  }

  @Test
  void nameIsDerivedFromTheWindowAlone() {
    BatchWindow window = BatchWindow.of("2024-06-01T10:00:00Z", "2024-06-01T11:00:00Z", NOW);

    assertThat(window.name()).isEqualTo("w20240601T100000-20240601T110000");
  }

  @Test
  void missingEndMeansNowInWholeSeconds() {
    BatchWindow window = BatchWindow.of("1970-01-01T00:00:00Z", null, NOW);

    assertThat(window.end()).isEqualTo(Instant.parse("2024-06-01T12:30:15Z"));
  }

  @Test
  void windowEndingInTheFutureIsRefused() {
    assertThatThrownBy(() -> BatchWindow.of("2024-06-01T12:00:00Z", "2024-06-01T13:00:00Z", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is in the future");
  }

  @Test
  void emptyOrBackwardWindowIsRefused() {
    assertThatThrownBy(() -> BatchWindow.of("2024-06-01T11:00:00Z", "2024-06-01T10:00:00Z", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be before");
  }

  @Test
  void unreadableInstantNamesTheOption() {
    assertThatThrownBy(() -> BatchWindow.of("yesterday", "2024-06-01T10:00:00Z", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("windowStart must be an ISO-8601 instant");
  }
}
