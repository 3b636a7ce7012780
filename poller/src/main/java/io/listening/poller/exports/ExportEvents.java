package io.listening.poller.exports;

import io.listening.events.EventIds;
import io.listening.events.EventTypes;
import io.listening.events.PlayEvent;
import io.listening.events.PlayEventValidator;
import io.listening.events.Sources;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Builds the events of one person's export: every stream of a track is a {@code play} with the time
 * Spotify says was played (whether it counts is the warehouse's decision), a deterministic id, and
 * the contract's rules checked before anything is published.
 */
final class ExportEvents {

  private final String userId;
  private final Clock clock;

  ExportEvents(String userId, Clock clock) {
    this.userId = userId;
    this.clock = clock;
  }

  /**
   * The id is a function of source, user, track, end instant and time played, so the same record
   * imported twice (or a record Spotify wrote twice) gets the same id and silver keeps one row.
   */
  static String eventId(String userId, String trackId, Instant playedAt, long msPlayed) {
    return EventIds.of(
        Sources.SPOTIFY_EXPORT, userId, trackId, playedAt.toString(), Long.toString(msPlayed));
  }

  MappedRecord music(
      String trackId,
      String trackName,
      String artistName,
      String albumName,
      long msPlayed,
      Instant playedAt,
      String platform,
      Boolean shuffle,
      String reasonStart,
      String reasonEnd,
      Boolean skipped) {
    PlayEvent event =
        new PlayEvent(
            eventId(userId, trackId, playedAt, msPlayed),
            EventTypes.PLAY,
            userId,
            trackId,
            trackName,
            artistName,
            albumName,
            null,
            msPlayed,
            playedAt,
            null,
            null,
            platform,
            null,
            shuffle,
            reasonStart,
            reasonEnd,
            skipped,
            Sources.SPOTIFY_EXPORT,
            null);
    Instant now = clock.instant();
    List<String> violations = PlayEventValidator.violations(event.withIngestedAt(now), now);
    if (!violations.isEmpty()) {
      return new MappedRecord.Rejected("breaks the event contract", String.join("; ", violations));
    }
    return new MappedRecord.Music(event);
  }
}
