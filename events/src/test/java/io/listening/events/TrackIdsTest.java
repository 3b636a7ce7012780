package io.listening.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackIdsTest {

  @Test
  void derivedIdIgnoresCaseAndSurroundingSpace() {
    assertThat(TrackIds.derive(" Daft Punk", "One More Time "))
        .isEqualTo(TrackIds.derive("daft punk", "one more time"));
  }

  @Test
  void derivedIdsDifferForDifferentTracks() {
    assertThat(TrackIds.derive("Daft Punk", "One More Time"))
        .isNotEqualTo(TrackIds.derive("Daft Punk", "Aerodynamic"));
  }

  @Test
  void derivedIdsAreValidIds() {
    String id = TrackIds.derive("Daft Punk", "One More Time");

    assertThat(id).startsWith("derived-").hasSize(40);
    assertThat(TrackIds.isValid(id)).isTrue();
  }

  @Test
  void artistAndTrackBoundaryMatters() {
    assertThat(TrackIds.derive("ab", "c")).isNotEqualTo(TrackIds.derive("a", "bc"));
  }

  @Test
  void spotifyTrackUriGivesItsId() {
    assertThat(TrackIds.fromTrackUri("spotify:track:4uLU6hMCjMI75M1A2tKUQC"))
        .isEqualTo("4uLU6hMCjMI75M1A2tKUQC");
    assertThat(TrackIds.fromTrackUri("spotify:episode:4uLU6hMCjMI75M1A2tKUQC")).isNull();
    assertThat(TrackIds.fromTrackUri(null)).isNull();
  }

  @Test
  void malformedIdsAreNotValid() {
    assertThat(TrackIds.isValid("abc")).isFalse();
    assertThat(TrackIds.isValid("4uLU6hMCjMI75M1A2tKUQ!")).isFalse();
    assertThat(TrackIds.isValid("derived-XYZ")).isFalse();
    assertThat(TrackIds.isValid(null)).isFalse();
  }
}
