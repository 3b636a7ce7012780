package io.listening.poller.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.listening.events.StrictJson;
import io.listening.poller.files.AtomicFiles.Permissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The poller's JSON state files, bound to records with the platform's strict rules ({@link
 * StrictJson}: no coercion between strings, numbers and booleans, ISO-8601 instants, unknown fields
 * ignored). Files are written indented, so a person can read them, and replaced atomically.
 *
 * <p>Records mark with {@link Required} the fields a file must have.
 */
public final class JsonFiles {

  private static final ObjectMapper MAPPER = mapper();

  private JsonFiles() {}

  private static ObjectMapper mapper() {
    ObjectMapper mapper = StrictJson.newMapper();
    // Parse errors must not quote the document: the token store's holds tokens.
    mapper.getFactory().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature());
    return mapper;
  }

  /**
   * The value stored at {@code path}, or empty when there is no file.
   *
   * @throws MalformedJsonException when the file is not a {@code type} (the caller names the file
   *     in its own message, with what to do about it)
   * @throws UncheckedIOException naming the file when it exists but cannot be read
   */
  public static <T> Optional<T> read(Path path, Class<T> type) throws MalformedJsonException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
    return Optional.of(decode(bytes, type));
  }

  /** Writes {@code value} as indented JSON to {@code path}, atomically. */
  public static void write(Path path, Object value, Permissions permissions) {
    byte[] bytes;
    try {
      bytes = MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not encode " + value.getClass().getSimpleName(), e);
    }
    AtomicFiles.write(path, bytes, permissions);
  }

  /** One document, for files that are not plain JSON on disk (the token store is encrypted). */
  public static <T> T decode(byte[] json, Class<T> type) throws MalformedJsonException {
    T value;
    try {
      value = MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw MalformedJsonException.of(e);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading JSON from memory failed", e);
    }
    if (value == null) {
      throw new MalformedJsonException("not a JSON object", null);
    }
    return value;
  }

  /** {@code value} as compact JSON. */
  public static byte[] encode(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not encode " + value.getClass().getSimpleName(), e);
    }
  }
}
