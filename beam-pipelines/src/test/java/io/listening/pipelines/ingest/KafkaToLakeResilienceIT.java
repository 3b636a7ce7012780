package io.listening.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.events.LakeLayout;
import io.listening.events.PlayEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens to the lake when a run does not end well: the process is killed, or the broker goes
 * away in the middle of reading. Each test has a broker of its own, since one of them stops it.
 */
class KafkaToLakeResilienceIT {

  private static final List<String> TOPICS = List.of("spotify-plays", "spotify-events");

  @TempDir Path work;

  @Test
  void killedAtAnyMomentAndRerunTheLakeIsExactlyThatOfOneCleanRun() throws Exception {
    TestKafka kafka = TestKafka.start(TOPICS);
    try {
      Instant start = Instant.now();
      // One record in eleven is malformed: 4,000 dead letters beside 40,000 events.
      kafka.send(events(40_000), malformed(4_000));
      Thread.sleep(1100);
      String end = Instant.now().minusMillis(100).toString();
      Path clean = work.resolve("clean");
      Path killed = work.resolve("killed");
      BatchManifest expected = KafkaToLake.run(options(kafka, clean, start.toString(), end), Clock.systemUTC());
      assertThat(List.of(expected.recordsRead(), expected.validEvents(), expected.deadLetters()))
          .as("records read, events, dead letters")
          .containsExactly(44_000L, 40_000L, 4_000L);

      // Killed before anything is staged, while staging, and as soon as publishing has begun.
      List<Predicate<Path>> moments =
          List.of(
              lake -> true,
              lake -> Files.exists(lake.resolve(LakeLayout.STAGING_DIR)),
              lake -> Files.exists(lake.resolve(LakeLayout.PLAYS_DIR)));
      for (Predicate<Path> moment : moments) {
        killWhen(moment, kafka, killed, start.toString(), end);
      }
      BatchManifest rerun = KafkaToLake.run(options(kafka, killed, start.toString(), end), Clock.systemUTC());

      assertThat(rerun).isEqualTo(expected);
      assertThat(files(killed)).isEqualTo(files(clean));
      assertThat(differingRows(clean, killed, LakeLayout.PLAYS_GLOB)).isZero();
      assertThat(differingRows(clean, killed, LakeLayout.DEAD_LETTER_GLOB)).isZero();
      assertThat(killed.resolve(LakeLayout.STAGING_DIR)).doesNotExist();
    } finally {
      kafka.close();
    }
  }

  @Test
  void aBrokerThatDisappearsMidReadFailsTheRunAndLeavesThePublishedLakeUntouched() throws Exception {
    TestKafka kafka = TestKafka.start(TOPICS);
    Path lake = work.resolve("lake");
    Instant first = Instant.now();
    kafka.send(events(100), List.of());
    Thread.sleep(1100);
    Instant second = Instant.now();
    KafkaToLake.run(options(kafka, lake, first.toString(), second.toString()), Clock.systemUTC());
    Map<String, Long> published = files(lake);
    kafka.send(events(300_000), List.of("garbage"));
    Thread.sleep(1100);
    IngestOptions secondWindow = options(kafka, lake, second.toString(), Instant.now().minusMillis(100).toString());
    secondWindow.setStallTimeoutSeconds(3);

    String address = kafka.bootstrapServers();
    CompletableFuture<BatchManifest> run =
        CompletableFuture.supplyAsync(() -> KafkaToLake.run(secondWindow, Clock.systemUTC()));
    // The one dead letter's partition is staged in no time; the 300,000 plays take a while.
    awaitOrFail(() -> Files.exists(lake.resolve(LakeLayout.STAGING_DIR)), run);
    kafka.close();

    assertThatThrownBy(() -> run.get(120, TimeUnit.SECONDS))
        .satisfies(
            failure ->
                assertThat(BatchFailure.describe(failure))
                    .startsWith("Kafka at " + address + " returned nothing of spotify-plays-")
                    .contains("Nothing was published"));
    assertThat(files(lake)).as("the published lake, file by file").isEqualTo(published);
  }

  private void killWhen(Predicate<Path> moment, TestKafka kafka, Path lake, String start, String end)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), KafkaToLake.class.getName()));
    command.addAll(arguments(kafka, lake, start, end));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(work.toFile(), "killed.log")).start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!moment.test(lake) && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } finally {
      process.destroyForcibly().waitFor();
    }
  }

  private static void awaitOrFail(java.util.function.BooleanSupplier condition, CompletableFuture<?> run)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(run).as("the run ended before the broker could be stopped").isNotDone();
      assertThat(System.nanoTime()).as("waiting for the first staged file").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private static List<String> arguments(TestKafka kafka, Path lake, String start, String end) {
    return List.of(
        "--runner=DirectRunner",
        "--bootstrapServers=" + kafka.bootstrapServers(),
        "--topics=" + String.join(",", TOPICS),
        "--lakeDir=" + lake,
        "--windowStart=" + start,
        "--windowEnd=" + end);
  }

  private static IngestOptions options(TestKafka kafka, Path lake, String start, String end) {
    return PipelineOptionsFactory.fromArgs(arguments(kafka, lake, start, end).toArray(String[]::new))
        .as(IngestOptions.class);
  }


  /** Broken in the ways producers break: not JSON, not an event, a wrong type, an empty payload. */
  private static List<String> malformed(int count) {
    List<String> payloads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      payloads.add(
          switch (i % 4) {
            case 0 -> "garbage " + i;
            case 1 -> "{\"event_id\":" + i + "}";
            case 2 -> "{\"ms_played\":\"" + i + "\"}";
            default -> "";
          });
    }
    return payloads;
  }

  private static List<PlayEvent> events(int count) {
    List<PlayEvent> events = new ArrayList<>();
    Instant firstPlay = Instant.parse("2024-06-01T00:00:00Z");
    for (int i = 0; i < count; i++) {
      events.add(TestEvents.play("user-" + (i % 97), i, firstPlay.plusSeconds(37L * i)));
    }
    return events;
  }


  /** Every published Parquet file and its size, by path relative to the lake. */
  private static Map<String, Long> files(Path lake) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    if (!Files.exists(lake)) {
      return files;
    }
    try (Stream<Path> tree = Files.walk(lake)) {
      for (Path file : tree.filter(Files::isRegularFile).toList()) {
        files.put(lake.relativize(file).toString(), Files.size(file));
      }
    }
    return files;
  }

  private static long differingRows(Path left, Path right, String glob) throws SQLException {
    String a = "read_parquet('" + left + "/" + glob + "')";
    String b = "read_parquet('" + right + "/" + glob + "')";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "select (select count(*) from (select * from " + a + " except all select * from " + b
                    + ")) + (select count(*) from (select * from " + b + " except all select * from " + a
                    + "))")) {
      result.next();
      return result.getLong(1);
    }
  }
}
