package io.listening.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.events.LakeLayout;
import io.listening.events.PlayEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole batch job against a real (embedded, KRaft) Kafka broker, checked with DuckDB. */
class KafkaToLakeIT {

  private static final List<String> TOPICS =
      List.of("spotify-plays", "spotify-skips", "spotify-likes", "spotify-events");
  private static TestKafka kafka;

  @TempDir Path lake;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = TestKafka.start(TOPICS);
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  @Test
  void everyRecordEndsInTheLakeOrTheDeadLettersAndRerunsChangeNothing() throws Exception {
    Instant before = Instant.now();
    Thread.sleep(20);
    List<PlayEvent> events = events("backfill", 40, Instant.parse("2024-06-01T10:00:00Z"));
    kafka.send(events, List.of("{\"not\":\"an event\"}", "garbage"));
    Thread.sleep(1100);

    IngestOptions options = options(before.toString(), Instant.now().minusMillis(100).toString(), "DirectRunner");
    BatchManifest first = KafkaToLake.run(options, Clock.systemUTC());

    assertThat(first.recordsRead()).isEqualTo(42);
    assertThat(first.validEvents()).isEqualTo(40);
    assertThat(first.deadLetters()).isEqualTo(2);
    assertThat(count(LakeLayout.PLAYS_GLOB)).isEqualTo(40);
    assertThat(count(LakeLayout.DEAD_LETTER_GLOB)).isEqualTo(2);
    assertThat(distinctEventIds()).isEqualTo(40);
    assertThat(
            single(
                "select count(*) from read_parquet('" + lake + "/" + LakeLayout.PLAYS_GLOB
                    + "') where skipped"))
        .as("Spotify's skip flag is kept as the producer reported it")
        .isEqualTo(10);
    String partitioned =
        "from read_parquet('" + lake + "/" + LakeLayout.PLAYS_GLOB + "', hive_partitioning = true,"
            + " hive_types = {'year': INTEGER, 'month': INTEGER, 'day': INTEGER, 'hour': INTEGER})";
    assertThat(
            single(
                "select count(*) " + partitioned + " where make_timestamp(year, month, day, hour, 0, 0)"
                    + " <> date_trunc('hour', kafka_timestamp at time zone 'UTC')"))
        .as("every row lies in the partition of the hour it arrived in Kafka")
        .isZero();
    assertThat(single("select count(*) " + partitioned + " where year = 2024"))
        .as("rows played in 2024 but arrived now are not partitioned by played_at")
        .isZero();
    assertThat(BatchManifest.read(Files.readString(lake.resolve("_manifests/" + first.batch() + ".json"))))
        .isEqualTo(first);
    List<Path> filesAfterFirstRun = lakeFiles();

    BatchManifest rerun = KafkaToLake.run(options, Clock.systemUTC());

    assertThat(rerun).isEqualTo(first);
    assertThat(lakeFiles()).isEqualTo(filesAfterFirstRun);
    assertThat(count(LakeLayout.PLAYS_GLOB)).isEqualTo(40);
  }

  @Test
  void consecutiveWindowsReadEachRecordExactlyOnce() throws Exception {
    Instant start = Instant.now();
    Thread.sleep(20);
    kafka.send(events("early", 15, Instant.parse("2024-06-02T08:00:00Z")), List.of());
    Thread.sleep(1100);
    Instant cut = Instant.now();
    Thread.sleep(100);
    kafka.send(events("late", 25, Instant.parse("2024-06-02T09:00:00Z")), List.of());
    Thread.sleep(1100);
    Instant end = Instant.now();

    BatchManifest firstHalf =
        KafkaToLake.run(options(start.toString(), cut.toString(), "DirectRunner"), Clock.systemUTC());
    BatchManifest secondHalf =
        KafkaToLake.run(options(cut.toString(), end.toString(), "DirectRunner"), Clock.systemUTC());

    assertThat(firstHalf.validEvents()).isEqualTo(15);
    assertThat(secondHalf.validEvents()).isEqualTo(25);
    assertThat(count(LakeLayout.PLAYS_GLOB)).isEqualTo(40);
    assertThat(distinctEventIds()).isEqualTo(40);
  }

  @Test
  void flinkRunnerWritesTheSameLakeAsTheDirectRunner(@TempDir Path flinkLake) throws Exception {
    Instant start = Instant.now();
    Thread.sleep(20);
    kafka.send(events("runners", 30, Instant.parse("2024-06-03T20:00:00Z")), List.of("broken"));
    Thread.sleep(1100);
    String end = Instant.now().minusMillis(100).toString();

    BatchManifest direct = KafkaToLake.run(options(start.toString(), end, "DirectRunner"), Clock.systemUTC());
    IngestOptions flinkOptions = options(start.toString(), end, "FlinkRunner");
    flinkOptions.setLakeDir(flinkLake.toString());
    BatchManifest flink = KafkaToLake.run(flinkOptions, Clock.systemUTC());

    assertThat(flink).isEqualTo(direct);
    String query =
        "select event_id, played_at, ms_played, kafka_offset from read_parquet('%s/plays/year=*/month=*/day=*/hour=*/*.parquet') order by event_id";
    assertThat(rows(String.format(query, flinkLake))).isEqualTo(rows(String.format(query, lake)));
  }

  private IngestOptions options(String start, String end, String runner) {
    List<String> args = new ArrayList<>(List.of(
        "--runner=" + runner,
        "--bootstrapServers=" + kafka.bootstrapServers(),
        "--lakeDir=" + lake,
        "--windowStart=" + start,
        "--windowEnd=" + end));
    if (runner.equals("FlinkRunner")) {
      args.add("--flinkMaster=[local]");
      args.add("--parallelism=2");
    }
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(IngestOptions.class);
  }

  private static List<PlayEvent> events(String user, int count, Instant firstPlay) {
    List<PlayEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(TestEvents.play(user + "-" + (i % 3), i, firstPlay.plusSeconds(200L * i)));
    }
    return events;
  }


  private List<Path> lakeFiles() throws IOException {
    try (Stream<Path> files = Files.walk(lake)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  private long count(String glob) throws SQLException {
    return single("select count(*) from read_parquet('" + lake + "/" + glob + "')");
  }

  private long distinctEventIds() throws SQLException {
    return single(
        "select count(distinct event_id) from read_parquet('" + lake
            + "/" + LakeLayout.PLAYS_GLOB + "')");
  }

  private static long single(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getLong(3) + "|" + result.getLong(4));
      }
    }
    return rows;
  }
}
