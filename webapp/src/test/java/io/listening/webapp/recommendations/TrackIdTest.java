package io.listening.webapp.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.webapp.system.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackIdTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4uLU6hMCjMI75M1A2tKUQC",
        "0000000000000000000000",
        "derived-0123456789abcdef0123456789abcdef"
      })
  void acceptsSpotifyAndDerivedIds(String value) {
    assertThat(new TrackId(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "4uLU6hMCjMI75M1A2tKUQ", // 21 characters
        "4uLU6hMCjMI75M1A2tKUQCx", // 23 characters
        "4uLU6hMCjMI75M1A2tKU-C",
        "derived-0123456789ABCDEF0123456789ABCDEF", // upper-case hex
        "derived-0123456789abcdef",
        "spotify:track:4uLU6hMCjMI75M1A2tKUQC"
      })
  void rejectsAnythingElseNamingTheRule(String value) {
    assertThatThrownBy(() -> new TrackId(value))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("22 characters")
        .hasMessageContaining("'derived-'");
  }
}
