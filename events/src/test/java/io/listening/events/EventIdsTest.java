package io.listening.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  private static final Instant PLAYED_AT = Instant.parse("2024-06-01T10:03:00Z");

  @Test
  void samePlayGetsTheSameId() {
    assertThat(EventIds.of("spotify_export", "u1", "t1", PLAYED_AT))
        .isEqualTo(EventIds.of("spotify_export", "u1", "t1", PLAYED_AT));
  }

  @Test
  void anyDifferingPartChangesTheId() {
    String id = EventIds.of("spotify_export", "u1", "t1", PLAYED_AT);

    assertThat(EventIds.of("spotify_export", "u2", "t1", PLAYED_AT)).isNotEqualTo(id);
    assertThat(EventIds.of("spotify_export", "u1", "t2", PLAYED_AT)).isNotEqualTo(id);
    assertThat(EventIds.of("spotify_export", "u1", "t1", PLAYED_AT.plusSeconds(1))).isNotEqualTo(id);
  }

  @Test
  void idIsAWellFormedUuid() {
    UUID uuid = UUID.fromString(EventIds.of("a", "b"));

    assertThat(uuid.version()).isEqualTo(8);
    assertThat(uuid.variant()).isEqualTo(2);
  }
}
