package io.listening.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract's rules for one event. Returns every broken rule, so a dead-letter reason lists them
 * all at once.
 */
public final class PlayEventValidator {

  /** Events claiming to end further in the future than this are clock errors, not plays. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofHours(1);

  /** A single play longer than a day is a broken counter, whatever the source says. */
  static final long MAX_MS_PLAYED = Duration.ofDays(1).toMillis();

  private PlayEventValidator() {}

  public static List<String> violations(PlayEvent event, Instant now) {
    List<String> problems = new ArrayList<>();
    required(problems, "event_id", event.eventId());
    required(problems, "event_type", event.eventType());
    required(problems, "user_id", event.userId());
    required(problems, "track_id", event.trackId());
    required(problems, "track_name", event.trackName());
    required(problems, "artist_name", event.artistName());
    required(problems, "source", event.source());
    if (event.playedAt() == null) {
      problems.add("played_at is required");
    }
    if (event.ingestedAt() == null) {
      problems.add("ingested_at is required");
    }
    if (event.eventType() != null && !EventTypes.ALL.contains(event.eventType())) {
      problems.add("event_type '" + event.eventType() + "' is not one of " + EventTypes.ALL);
    }
    if (event.source() != null && !Sources.ALL.contains(event.source())) {
      problems.add("source '" + event.source() + "' is not one of " + Sources.ALL);
    }
    if (event.trackId() != null && !event.trackId().isBlank() && !TrackIds.isValid(event.trackId())) {
      problems.add("track_id '" + event.trackId() + "' is not " + TrackIds.RULE);
    }
    if (event.msPlayed() < 0) {
      problems.add("ms_played must not be negative, got " + event.msPlayed());
    } else if (event.msPlayed() > MAX_MS_PLAYED) {
      problems.add("ms_played " + event.msPlayed() + " is longer than a day");
    }
    if (event.durationMs() != null && event.durationMs() <= 0) {
      problems.add("duration_ms must be positive, got " + event.durationMs());
    }
    if (event.playedAt() != null && event.playedAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
      problems.add("played_at " + event.playedAt() + " is in the future");
    }
    if (event.startedAt() != null
        && event.playedAt() != null
        && event.startedAt().isAfter(event.playedAt())) {
      problems.add("started_at " + event.startedAt() + " is after played_at " + event.playedAt());
    }
    return problems;
  }

  /**
   * Checks the event and returns it.
   *
   * @throws InvalidEventException naming every broken rule
   */
  public static PlayEvent requireValid(PlayEvent event, Instant now) {
    List<String> problems = violations(event, now);
    if (!problems.isEmpty()) {
      throw new InvalidEventException(String.join("; ", problems));
    }
    return event;
  }

  private static void required(List<String> problems, String name, String value) {
    if (value == null || value.isBlank()) {
      problems.add(name + " is required");
    }
  }
}
