package io.listening.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlayEventValidatorTest {

  private static final Instant NOW = PlayEvents.NOW;

  @Test
  void validEventHasNoViolations() {
    assertThat(PlayEventValidator.violations(PlayEvents.valid(), NOW)).isEmpty();
  }

  @Test
  void everyMissingRequiredFieldIsNamed() {
    PlayEvent empty =
        new PlayEvent(
            null, null, null, null, null, null, null, null, 0, null, null, null, null, null, null,
            null, null, null, null, null);

    assertThat(PlayEventValidator.violations(empty, NOW))
        .contains(
            "event_id is required",
            "event_type is required",
            "user_id is required",
            "track_id is required",
            "track_name is required",
            "artist_name is required",
            "source is required",
            "played_at is required",
            "ingested_at is required");
  }

  @Test
  void negativeMsPlayedIsAViolation() {
    PlayEvent event = copy(PlayEvents.valid(), -1, PlayEvents.valid().playedAt());

    assertThat(PlayEventValidator.violations(event, NOW))
        .containsExactly("ms_played must not be negative, got -1");
  }

  @Test
  void playEndingInTheFutureIsAViolation() {
    PlayEvent event = copy(PlayEvents.valid(), 1000, NOW.plusSeconds(7200));

    assertThat(PlayEventValidator.violations(event, NOW))
        .anySatisfy(problem -> assertThat(problem).contains("is in the future"));
  }

  @Test
  void startAfterEndIsAViolation() {
    PlayEvent event = copy(PlayEvents.valid(), 1000, Instant.parse("2024-06-01T09:00:00Z"));

    assertThat(PlayEventValidator.violations(event, NOW))
        .anySatisfy(problem -> assertThat(problem).contains("is after played_at"));
  }

  @Test
  void unknownEventTypeAndSourceAreViolations() {
    PlayEvent base = PlayEvents.valid();
    PlayEvent event =
        new PlayEvent(
            base.eventId(), "dance", base.userId(), base.trackId(), base.trackName(),
            base.artistName(), base.albumName(), base.durationMs(), base.msPlayed(),
            base.playedAt(), base.startedAt(), base.deviceType(), base.platform(),
            base.contextUri(), base.shuffle(), base.reasonStart(), base.reasonEnd(), base.skipped(),
            "radio",
            base.ingestedAt());

    assertThat(PlayEventValidator.violations(event, NOW)).hasSize(2);
  }

  @Test
  void requireValidListsAllProblemsInOneMessage() {
    PlayEvent event = copy(PlayEvents.valid(), -5, NOW.plusSeconds(7200));

    assertThatThrownBy(() -> PlayEventValidator.requireValid(event, NOW))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("ms_played must not be negative")
        .hasMessageContaining("; ");
  }

  private static PlayEvent copy(PlayEvent base, long msPlayed, Instant playedAt) {
    return new PlayEvent(
        base.eventId(), base.eventType(), base.userId(), base.trackId(), base.trackName(),
        base.artistName(), base.albumName(), base.durationMs(), msPlayed, playedAt,
        base.startedAt(), base.deviceType(), base.platform(), base.contextUri(), base.shuffle(),
        base.reasonStart(), base.reasonEnd(), base.skipped(), base.source(), base.ingestedAt());
  }
}
