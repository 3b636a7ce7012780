package io.listening.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlayEventCodecTest {

  @Test
  void encodedEventDecodesToAnEqualEvent() {
    PlayEvent event = PlayEvents.valid();

    assertThat(PlayEventCodec.decode(PlayEventCodec.encode(event))).isEqualTo(event);
  }

  @Test
  void encodingUsesSnakeCaseFieldsAndIsoInstants() {
    String json = PlayEventCodec.encode(PlayEvents.valid());

    assertThat(json)
        .contains("\"ms_played\":180000")
        .contains("\"played_at\":\"2024-06-01T10:03:00Z\"")
        .contains("\"context_uri\":null");
  }

  @Test
  void missingOptionalFieldsDecodeAsNull() {
    PlayEvent event =
        PlayEventCodec.decode(
            "{\"event_id\":\"e\",\"event_type\":\"play\",\"user_id\":\"u\",\"ms_played\":5,"
                + "\"played_at\":\"2024-06-01T10:03:00Z\"}");

    assertThat(event.albumName()).isNull();
    assertThat(event.shuffle()).isNull();
    assertThat(event.startedAt()).isNull();
    assertThat(event.msPlayed()).isEqualTo(5);
  }

  @Test
  void textThatIsNotJsonIsRejectedWithReason() {
    assertThatThrownBy(() -> PlayEventCodec.decode("{not json"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("not valid JSON");
  }

  @Test
  void jsonArrayIsRejected() {
    assertThatThrownBy(() -> PlayEventCodec.decode("[1,2]"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("not a JSON object");
  }

  @Test
  void numberGivenAsTextIsRejectedNamingTheField() {
    assertThatThrownBy(() -> PlayEventCodec.decode("{\"ms_played\":\"180000\"}"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("ms_played must be an integer");
  }

  @Test
  void localTimeWithoutZoneIsRejected() {
    assertThatThrownBy(
            () -> PlayEventCodec.decode("{\"ms_played\":1,\"played_at\":\"2024-06-01 10:03\"}"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("played_at must be an ISO-8601 UTC instant");
  }

  @Test
  void missingMsPlayedIsRejected() {
    assertThatThrownBy(() -> PlayEventCodec.decode("{\"event_id\":\"e\"}"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("ms_played is required");
  }

  @Test
  void textGivenAsNumberIsRejectedNamingTheField() {
    assertThatThrownBy(() -> PlayEventCodec.decode("{\"ms_played\":1,\"user_id\":42}"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("user_id must be a string");
  }

  @Test
  void fractionalMsPlayedIsRejected() {
    assertThatThrownBy(() -> PlayEventCodec.decode("{\"ms_played\":1.5}"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("ms_played must be an integer");
  }

  @Test
  void skippedFlagMustBeABoolean() {
    assertThatThrownBy(() -> PlayEventCodec.decode("{\"ms_played\":1,\"skipped\":\"yes\"}"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("skipped must be true or false");
  }

  @Test
  void epochNumberForAnInstantIsRejected() {
    assertThatThrownBy(() -> PlayEventCodec.decode("{\"ms_played\":1,\"played_at\":1717236180}"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("played_at must be an ISO-8601 UTC instant");
  }

  @Test
  void fieldsTheContractDoesNotKnowAreIgnored() {
    PlayEvent event =
        PlayEventCodec.decode("{\"ms_played\":7,\"mood\":\"happy\",\"skipped\":true}");

    assertThat(event.msPlayed()).isEqualTo(7);
    assertThat(event.skipped()).isTrue();
  }

  @Test
  void nullMsPlayedIsRejectedAsMissing() {
    assertThatThrownBy(() -> PlayEventCodec.decode("{\"ms_played\":null}"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("ms_played is required");
  }

  @Test
  void trailingTextAfterTheObjectIsRejected() {
    assertThatThrownBy(() -> PlayEventCodec.decode("{\"ms_played\":1} {}"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("not valid JSON");
  }
}
