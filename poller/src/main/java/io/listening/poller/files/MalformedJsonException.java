package io.listening.poller.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.listening.events.StrictJson;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * A JSON document that is not what its reader expects: not JSON at all, cut short, or with a field
 * missing, null where it may not be, or of the wrong type. The message says which field and where,
 * e.g. {@code files[0].size must be an integer (line 1, column 44)}, and never quotes the
 * document's values, since some documents hold secrets.
 */
public final class MalformedJsonException extends Exception {

  MalformedJsonException(String problem, Throwable cause) {
    super(problem, cause);
  }

  static MalformedJsonException of(JsonProcessingException e) {
    return new MalformedJsonException(describe(e) + where(e.getLocation()), e);
  }

  private static String describe(JsonProcessingException e) {
    StreamReadException syntax = syntaxError(e);
    if (syntax != null) {
      return syntax.getOriginalMessage().startsWith("Unexpected end-of-input")
          ? "not valid JSON: it ends too early"
          : "not valid JSON";
    }
    if (!(e instanceof JsonMappingException mapping)) {
      return "not valid JSON";
    }
    String path = path(mapping);
    if (e instanceof ValueInstantiationException) {
      String problem = e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage();
      return path.isEmpty() ? problem : path + ": " + problem;
    }
    String message = e.getOriginalMessage();
    if (message.startsWith("No content to map")) {
      return "the document is empty";
    }
    if (message.startsWith("Trailing token")) {
      return "not valid JSON: text after the end of the document";
    }
    if (path.isEmpty()) {
      return "not a JSON object";
    }
    if (message.startsWith("Missing required creator property")) {
      return path + " is required";
    }
    if (e instanceof InvalidNullException || message.startsWith("Cannot map `null`")) {
      return path + " must not be null";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return path + " must be " + expected(mismatch.getTargetType());
    }
    return path + " is not valid";
  }

  private static StreamReadException syntaxError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException syntax) {
        return syntax;
      }
    }
    return null;
  }

  private static String expected(Class<?> type) {
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      return "an integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type == Instant.class) {
      return StrictJson.INSTANT_RULE;
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "of type " + type.getSimpleName();
  }

  /** The field in the document, as {@code files[0].size}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
