package io.listening.events;

import java.time.Instant;

/**
 * One listening event as it travels on Kafka, the platform's central contract.
 *
 * <p>Optional fields are {@code null} when the source does not know them; they are never invented.
 * {@code playedAt} is when the play ended (Spotify's convention for exports and recently-played);
 * {@code startedAt} is known only when a poller saw the play begin. Use {@link PlayEventValidator} to
 * check an instance and {@link PlayEventCodec} to read or write its JSON form.
 */
public record PlayEvent(
    String eventId,
    String eventType,
    String userId,
    String trackId,
    String trackName,
    String artistName,
    String albumName,
    Long durationMs,
    long msPlayed,
    Instant playedAt,
    Instant startedAt,
    String deviceType,
    String platform,
    String contextUri,
    Boolean shuffle,
    String reasonStart,
    String reasonEnd,
    String source,
    Instant ingestedAt) {

  /** The Kafka topic this event belongs on, by its type. */
  public String topic() {
    return Topics.forEventType(eventType);
  }

  /** A copy stamped with the instant it entered the platform. */
  public PlayEvent withIngestedAt(Instant instant) {
    return new PlayEvent(
        eventId, eventType, userId, trackId, trackName, artistName, albumName, durationMs, msPlayed,
        playedAt, startedAt, deviceType, platform, contextUri, shuffle, reasonStart, reasonEnd, source,
        instant);
  }
}
