package io.listening.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The JSON form of {@link PlayEvent}: one object with snake_case fields and ISO-8601 UTC instants.
 *
 * <p>Decoding is strict about types and reports the first problem as the reason of an {@link
 * InvalidEventException}, so a dead-letter record says exactly what was wrong. Decoding does not
 * apply the business rules: that is {@link PlayEventValidator}'s job.
 */
public final class PlayEventCodec {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlayEventCodec() {}

  public static String encode(PlayEvent event) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("event_id", event.eventId());
    node.put("event_type", event.eventType());
    node.put("user_id", event.userId());
    node.put("track_id", event.trackId());
    node.put("track_name", event.trackName());
    node.put("artist_name", event.artistName());
    node.put("album_name", event.albumName());
    node.put("duration_ms", event.durationMs());
    node.put("ms_played", event.msPlayed());
    node.put("played_at", instant(event.playedAt()));
    node.put("started_at", instant(event.startedAt()));
    node.put("device_type", event.deviceType());
    node.put("platform", event.platform());
    node.put("context_uri", event.contextUri());
    node.put("shuffle", event.shuffle());
    node.put("reason_start", event.reasonStart());
    node.put("reason_end", event.reasonEnd());
    node.put("source", event.source());
    node.put("ingested_at", instant(event.ingestedAt()));
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an ObjectNode of strings and numbers always serializes", e);
    }
  }

  /**
   * Reads one event.
   *
   * @throws InvalidEventException when the text is not a JSON object or a field has the wrong type
   */
  public static PlayEvent decode(String json) {
    if (json == null || json.isBlank()) {
      throw new InvalidEventException("empty payload");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidEventException("not a JSON object");
    }
    return new PlayEvent(
        text(root, "event_id"),
        text(root, "event_type"),
        text(root, "user_id"),
        text(root, "track_id"),
        text(root, "track_name"),
        text(root, "artist_name"),
        text(root, "album_name"),
        integer(root, "duration_ms"),
        requiredInteger(root, "ms_played"),
        instant(root, "played_at"),
        instant(root, "started_at"),
        text(root, "device_type"),
        text(root, "platform"),
        text(root, "context_uri"),
        bool(root, "shuffle"),
        text(root, "reason_start"),
        text(root, "reason_end"),
        text(root, "source"),
        instant(root, "ingested_at"));
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static JsonNode field(JsonNode root, String name) {
    JsonNode value = root.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private static String text(JsonNode root, String name) {
    JsonNode value = field(root, name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidEventException(name + " must be a string, got " + value.getNodeType());
    }
    return value.textValue();
  }

  private static Long integer(JsonNode root, String name) {
    JsonNode value = field(root, name);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new InvalidEventException(name + " must be an integer, got " + value);
    }
    return value.longValue();
  }

  private static long requiredInteger(JsonNode root, String name) {
    Long value = integer(root, name);
    if (value == null) {
      throw new InvalidEventException(name + " is required");
    }
    return value;
  }

  private static Boolean bool(JsonNode root, String name) {
    JsonNode value = field(root, name);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new InvalidEventException(name + " must be true or false, got " + value);
    }
    return value.booleanValue();
  }

  private static Instant instant(JsonNode root, String name) {
    String value = text(root, name);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException(
          name + " must be an ISO-8601 UTC instant such as 2024-06-01T10:15:30Z, got '" + value + "'",
          e);
    }
  }
}
