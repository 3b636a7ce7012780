package io.listening.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One listening event as it travels on Kafka, the platform's central contract.
 *
 * <p>Optional fields are {@code null} when the source does not know them; they are never invented.
 * {@code playedAt} is when the play ended (Spotify's convention for exports and recently-played);
 * {@code startedAt} is known only when a poller saw the play begin.
 *
 * <p>Producers report what they observed and never decide whether a stream counts as a play:
 * {@code msPlayed} is the listening time, {@code reasonEnd} why the stream ended, {@code skipped}
 * Spotify's own skip flag where the source carries one. Whether a stream counts is decided once,
 * downstream, by the warehouse's play threshold (docs/data-contracts.md, section 3).
 *
 * <p>Use {@link PlayEventValidator} to check an instance and {@link PlayEventCodec} to read or
 * write its JSON form.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PlayEvent(
    String eventId,
    String eventType,
    String userId,
    String trackId,
    String trackName,
    String artistName,
    String albumName,
    Long durationMs,
    @JsonProperty(required = true) long msPlayed,
    Instant playedAt,
    Instant startedAt,
    String deviceType,
    String platform,
    String contextUri,
    Boolean shuffle,
    String reasonStart,
    String reasonEnd,
    Boolean skipped,
    String source,
    Instant ingestedAt) {

  /** The Kafka topic this event belongs on, by its type. */
  @JsonIgnore
  public String topic() {
    return Topics.forEventType(eventType);
  }

  /** A copy stamped with the instant it entered the platform. */
  public PlayEvent withIngestedAt(Instant instant) {
    return new PlayEvent(
        eventId, eventType, userId, trackId, trackName, artistName, albumName, durationMs, msPlayed,
        playedAt, startedAt, deviceType, platform, contextUri, shuffle, reasonStart, reasonEnd, skipped,
        source, instant);
  }
}
