package io.listening.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The JSON form of {@link PlayEvent}: one object with snake_case fields and ISO-8601 UTC instants,
 * bound to the record by Jackson.
 *
 * <p>Decoding is strict about types: no coercion between strings, numbers and booleans, no epoch
 * numbers for instants. Fields the contract does not know are ignored, so producers can add fields
 * before every reader knows them. The first problem becomes the reason of an {@link
 * InvalidEventException}, so a dead-letter record says exactly what was wrong. Decoding does not
 * apply the business rules: that is {@link PlayEventValidator}'s job.
 */
public final class PlayEventCodec {

  private static final ObjectMapper MAPPER = StrictJson.newMapper();

  private PlayEventCodec() {}

  public static String encode(PlayEvent event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a PlayEvent of strings, numbers and instants serializes", e);
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
    try {
      PlayEvent event = MAPPER.readValue(json, PlayEvent.class);
      if (event == null) {
        throw new InvalidEventException("not a JSON object");
      }
      return event;
    } catch (MismatchedInputException e) {
      throw new InvalidEventException(reason(e), e);
    } catch (JsonMappingException e) {
      throw new InvalidEventException("not a listening event: " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String reason(MismatchedInputException e) {
    String message = e.getOriginalMessage();
    if (message.startsWith("Trailing token")) {
      return "not valid JSON: text after the end of the object";
    }
    String field = StrictJson.fieldPath(e);
    if (field.isEmpty()) {
      return "not a JSON object";
    }
    if (message.startsWith("Missing required creator property")
        || message.startsWith("Cannot map `null`")) {
      return field + " is required";
    }
    if (e.getTargetType() == null) {
      return field + ": " + message;
    }
    Class<?> type = e.getTargetType();
    // A dead letter may quote a value it could not read (it carries the whole payload anyway); a
    // number or boolean where text belongs needs no quoting to be found.
    String got =
        e instanceof InvalidFormatException invalid && type != String.class
            ? ", got '" + invalid.getValue() + "'"
            : "";
    return field + " must be " + StrictJson.expected(type) + got;
  }
}
