package io.listening.poller.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.listening.poller.files.AtomicFiles.Permissions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Progress(@Required String userId, @Required List<Part> parts) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Part(@Required String name, @Required long recordsDone, Instant updatedAt) {

    Part {
      if (name.isBlank()) {
        throw new IllegalArgumentException("a part needs a name");
      }
    }
  }

  private static final Progress PROGRESS =
      new Progress(
          "alice",
          List.of(
              new Part("StreamingHistory0.json", 5_000, Instant.parse("2025-01-02T10:00:00Z")),
              new Part("StreamingHistory1.json", 12, null)));

  @TempDir Path dir;

  /** JSON written with single quotes, which read better in Java strings. */
  private static byte[] json(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  private static String problem(String singleQuoted) {
    try {
      JsonFiles.decode(json(singleQuoted), Progress.class);
    } catch (MalformedJsonException e) {
      return e.getMessage();
    }
    throw new AssertionError("decoded " + singleQuoted);
  }

  @Test
  void aWrittenRecordIsReadBackEqual() throws Exception {
    Path file = dir.resolve("progress.json");

    JsonFiles.write(file, PROGRESS, Permissions.DEFAULT);

    assertThat(JsonFiles.read(file, Progress.class)).contains(PROGRESS);
    assertThat(Files.readString(file))
        .contains("\"user_id\" : \"alice\"")
        .contains("\"records_done\" : 5000")
        .contains("\"updated_at\" : \"2025-01-02T10:00:00Z\"")
        .contains("\"updated_at\" : null");
  }

  @Test
  void aMissingFileIsEmpty() throws Exception {
    assertThat(JsonFiles.read(dir.resolve("none.json"), Progress.class)).isEmpty();
  }

  @Test
  void fieldsAWriterAddedLaterAreIgnored() throws Exception {
    assertThat(
            JsonFiles.decode(
                json("{'user_id': 'alice', 'parts': [], 'written_by': 'poller 2'}"),
                Progress.class))
        .isEqualTo(new Progress("alice", List.of()));
  }

  @Test
  void problemsNameTheFieldAndThePlace() {
    assertThat(problem("{'user_id': 'alice', 'parts': [{'name': 'a'}]}"))
        .isEqualTo("parts[0].records_done is required (line 1, column 44)");
    assertThat(problem("{'user_id': 'alice', 'parts': [{'name': 'a', 'records_done': '7'}]}"))
        .startsWith("parts[0].records_done must be an integer");
    assertThat(problem("{'user_id': 'alice', 'parts': [{'name': 'a', 'records_done': null}]}"))
        .startsWith("parts[0].records_done must not be null");
    assertThat(problem("{'user_id': 7, 'parts': []}")).startsWith("user_id must be a string");
    assertThat(problem("{'user_id': null, 'parts': []}")).startsWith("user_id must not be null");
    assertThat(problem("{'user_id': 'alice', 'parts': {}}")).startsWith("parts must be a list");
    assertThat(
            problem(
                "{'user_id': 'alice', 'parts': [{'name': 'a', 'records_done': 1,"
                    + " 'updated_at': 'yesterday'}]}"))
        .startsWith("parts[0].updated_at must be an ISO-8601 UTC instant");
    assertThat(problem("{'user_id': 'alice', 'parts': [{'name': '', 'records_done': 1}]}"))
        .startsWith("parts[0]: a part needs a name");
  }

  @Test
  void brokenDocumentsSayWhatIsWrongWithThem() {
    assertThat(problem("{'user_id': 'alice', 'parts': ["))
        .startsWith("not valid JSON: it ends too early");
    assertThat(problem("{'user_id': alice}")).startsWith("not valid JSON (line 1");
    assertThat(problem("[1, 2]")).startsWith("not a JSON object");
    assertThat(problem("null")).isEqualTo("not a JSON object");
    assertThat(problem("")).startsWith("the document is empty");
    assertThat(problem("{'user_id': 'alice', 'parts': []} {}")).startsWith("not valid JSON");
  }

  @Test
  void problemsNeverQuoteTheDocument() {
    String secret = "BQC-access-token-of-alice";

    assertThat(problem("{'user_id': '" + secret + "', 'parts': 5}")).doesNotContain(secret);
    assertThat(
            problem(
                "{'user_id': 'alice', 'parts': [{'name': 'a', 'records_done': '" + secret + "'}]}"))
        .doesNotContain(secret);
    assertThat(problem("{'user_id': '" + secret)).doesNotContain(secret);
  }
}
