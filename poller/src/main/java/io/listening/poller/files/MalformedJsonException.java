package io.listening.poller.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.listening.events.StrictJson;

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
    String path = StrictJson.fieldPath(mapping);
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
      return path + " must be " + StrictJson.expected(mismatch.getTargetType());
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

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
