package io.listening.poller.exports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the records of one listening-history file, a JSON array of objects, one element at a
 * time: only the current record is ever in memory, whatever the size of the file.
 */
final class HistoryReader {

  private static final JsonFactory JSON = new ObjectMapper().getFactory();

  private HistoryReader() {}

  /**
   * One element of the array.
   *
   * @param index position in the file, from 0
   * @param line line where the element starts, from 1
   * @param column column where the element starts, from 1
   * @param bytesRead bytes of the file read so far, for progress
   */
  record Element(long index, JsonNode record, int line, int column, long bytesRead) {

    /** Where the element is, for messages: {@code record 17 (line 103, column 3)}. */
    String position() {
      return "record " + index + " (line " + line + ", column " + column + ")";
    }
  }

  /** Receives the records in file order. */
  interface RecordHandler {
    void accept(Element element);
  }

  /**
   * Reads every record and returns how many there were.
   *
   * @throws BrokenExportException at the first place the file stops being a JSON array of values,
   *     with line and column; the records before it have been handed to {@code handler}
   * @throws IOException when the stream itself fails (a corrupt zip entry, a disk error)
   */
  static long read(InputStream in, RecordHandler handler)
      throws BrokenExportException, IOException {
    long index = 0;
    try (JsonParser parser = JSON.createParser(in)) {
      JsonToken token = parser.nextToken();
      if (token != JsonToken.START_ARRAY) {
        throw broken(
            token == null
                ? "the file is empty"
                : "expected a JSON array of records, found " + token,
            parser.currentTokenLocation(),
            index,
            null);
      }
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw broken("the file ends inside the array", parser.currentLocation(), index, null);
        }
        JsonLocation start = parser.currentTokenLocation();
        JsonNode record = parser.readValueAsTree();
        handler.accept(
            new Element(
                index,
                record,
                start.getLineNr(),
                start.getColumnNr(),
                parser.currentLocation().getByteOffset()));
        index++;
      }
      token = parser.nextToken();
      if (token != null) {
        throw broken(
            "unexpected " + token + " after the end of the array",
            parser.currentTokenLocation(),
            index,
            null);
      }
      return index;
    } catch (JsonProcessingException e) {
      throw broken(e.getOriginalMessage(), e.getLocation(), index, e);
    }
  }

  private static BrokenExportException broken(
      String problem, JsonLocation where, long index, Throwable cause) {
    String position =
        where == null
            ? "at record " + index
            : "at line "
                + where.getLineNr()
                + ", column "
                + where.getColumnNr()
                + " (record "
                + index
                + ")";
    return new BrokenExportException(
        "invalid JSON " + position + ": " + firstLine(problem), index, cause);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
