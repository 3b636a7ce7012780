package io.listening.pipelines.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.events.LakeLayout;
import io.listening.events.PlayEvent;
import io.listening.pipelines.ingest.BatchManifest;
import io.listening.pipelines.ingest.IngestOptions;
import io.listening.pipelines.ingest.KafkaToLake;
import io.listening.pipelines.ingest.TestEvents;
import io.listening.pipelines.ingest.TestKafka;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole batch job with the Snowflake load, against an embedded Kafka broker and the fakesnow
 * stand-in that ops/test-snowflake.sh starts: SNOWFLAKE_TEST_URL is its JDBC URL,
 * SNOWFLAKE_TEST_PASSWORD any password (fakesnow accepts every one). The stage is an external stage
 * whose URL is the test's lake folder, as the production stage's is the S3 lake.
 */
class SnowflakeLoadIT {

  private static final String PASSWORD_ENV = "SNOWFLAKE_TEST_PASSWORD";
  private static final String BRONZE = "LISTENING.LAKE.PLAYS";
  private static final String STAGING = "LISTENING.LAKE.PLAYS_STAGING";
  private static final String DEAD_LETTER = "LISTENING.LAKE.DEAD_LETTER";
  private static final List<String> TOPICS =
      List.of("spotify-plays", "spotify-skips", "spotify-likes", "spotify-events");
  /** The lake's columns, timestamps as epoch milliseconds, in a fixed order. */
  private static final String LAKE_VALUES =
      "event_id, event_type, user_id, track_id, track_name, artist_name, album_name, duration_ms,"
          + " ms_played, played_at, started_at, device_type, platform, context_uri, shuffle,"
          + " reason_start, reason_end, skipped, source, ingested_at, kafka_topic, kafka_partition,"
          + " kafka_offset, kafka_timestamp";
  private static final String DEAD_LETTER_VALUES =
      "kafka_topic, kafka_partition, kafka_offset, payload, reason, batch";

  private static String url;
  private static TestKafka kafka;

  @TempDir Path lake;

  @BeforeAll
  static void start() throws Exception {
    url = System.getenv("SNOWFLAKE_TEST_URL");
    assertThat(url)
        .as("SNOWFLAKE_TEST_URL names the running fakesnow server; run ops/test-snowflake.sh")
        .isNotBlank();
    assertThat(System.getenv(PASSWORD_ENV)).as(PASSWORD_ENV).isNotBlank();
    kafka = TestKafka.start(TOPICS);
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  /** Empty tables per test, made with the production DDL (snowflake/setup.sql, step 4). */
  @BeforeEach
  void freshWarehouse() throws Exception {
    List<String> statements = new ArrayList<>();
    // fakesnow cannot drop a database, so each test drops what the last one made.
    statements.add("CREATE DATABASE IF NOT EXISTS LISTENING");
    statements.add("CREATE SCHEMA IF NOT EXISTS LISTENING.LAKE");
    statements.add("DROP TABLE IF EXISTS " + BRONZE);
    statements.add("DROP TABLE IF EXISTS " + STAGING);
    statements.add("DROP TABLE IF EXISTS " + DEAD_LETTER);
    statements.addAll(setupTables());
    statements.add(
        "CREATE OR REPLACE STAGE LISTENING.LAKE.LAKE_STAGE URL = 'file://" + lake.toAbsolutePath() + "/'");
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  @Test
  void aBatchReachesBronzeWithTheLakesValuesAndARerunAddsNothing() throws Exception {
    Instant start = Instant.now();
    Thread.sleep(20);
    kafka.send(events("first", 30, Instant.parse("2024-06-01T10:00:00Z")), List.of("not an event"));
    Thread.sleep(1100);
    IngestOptions options = options(start.toString(), Instant.now().minusMillis(100).toString());

    BatchManifest batch = KafkaToLake.run(options, Clock.systemUTC());

    assertThat(batch.validEvents()).isEqualTo(30);
    assertThat(batch.deadLetters()).isEqualTo(1);
    assertThat(count("select count(*) from " + BRONZE)).isEqualTo(30);
    assertThat(count("select count(distinct event_id) from " + BRONZE)).isEqualTo(30);
    assertThat(count("select count(*) from " + BRONZE + " where batch = '" + batch.batch() + "'"))
        .isEqualTo(30);
    assertThat(bronzeRows())
        .as("bronze holds the lake's rows, column by column")
        .hasSize(30)
        .isEqualTo(lakeRows(batch.batch()));
    assertThat(deadLetterRows())
        .as("the dead-letter table holds the lake's dead letters, column by column")
        .hasSize(1)
        .isEqualTo(lakeDeadLetterRows())
        .allSatisfy(row -> assertThat(row).contains("not an event").endsWith("|" + batch.batch()));
    long loadedAt = count("select max(date_part(epoch_millisecond, loaded_at)) from " + BRONZE);

    BatchManifest rerun = KafkaToLake.run(options, Clock.systemUTC());

    assertThat(rerun).isEqualTo(batch);
    assertThat(count("select count(*) from " + STAGING)).as("the rerun staged the batch again").isEqualTo(30);
    assertThat(count("select count(*) from " + BRONZE)).isEqualTo(30);
    assertThat(count("select count(distinct event_id) from " + BRONZE)).isEqualTo(30);
    assertThat(count("select max(date_part(epoch_millisecond, loaded_at)) from " + BRONZE))
        .as("the rows of the first load stay as they were")
        .isEqualTo(loadedAt);
    assertThat(deadLetterRows()).as("the rerun replaced the batch's dead letters").isEqualTo(lakeDeadLetterRows());
  }

  @Test
  void aSecondWindowAddsOnlyItsOwnRowsAndAnOverlappingBackfillAddsNone() throws Exception {
    Instant start = Instant.now();
    Thread.sleep(20);
    kafka.send(events("early", 15, Instant.parse("2024-06-02T08:00:00Z")), List.of());
    Thread.sleep(1100);
    Instant cut = Instant.now();
    Thread.sleep(100);
    kafka.send(events("late", 25, Instant.parse("2024-06-02T09:00:00Z")), List.of());
    Thread.sleep(1100);
    Instant end = Instant.now();

    BatchManifest first = KafkaToLake.run(options(start.toString(), cut.toString()), Clock.systemUTC());
    assertThat(count("select count(*) from " + BRONZE)).isEqualTo(15);

    BatchManifest second = KafkaToLake.run(options(cut.toString(), end.toString()), Clock.systemUTC());

    assertThat(second.validEvents()).isEqualTo(25);
    assertThat(count("select count(*) from " + BRONZE)).isEqualTo(40);
    assertThat(count("select count(distinct event_id) from " + BRONZE)).isEqualTo(40);
    assertThat(count("select count(*) from " + BRONZE + " where batch = '" + first.batch() + "'")).isEqualTo(15);
    assertThat(count("select count(*) from " + BRONZE + " where batch = '" + second.batch() + "'")).isEqualTo(25);
    assertThat(count("select count(*) from " + BRONZE + " where user_id like 'late-%'")).isEqualTo(25);

    BatchManifest backfill = KafkaToLake.run(options(start.toString(), end.toString()), Clock.systemUTC());

    assertThat(backfill.validEvents()).as("the backfill's own lake files hold all 40").isEqualTo(40);
    assertThat(count("select count(*) from " + BRONZE)).isEqualTo(40);
    assertThat(count("select count(*) from " + BRONZE + " where batch = '" + backfill.batch() + "'")).isZero();
    assertThat(bronzeRows()).isEqualTo(lakeRows(first.batch(), second.batch()));
  }

  @Test
  void badConfigurationFailsWithOneSentenceAndLeavesBronzeUnchanged() throws Exception {
    Instant start = Instant.now();
    Thread.sleep(20);
    kafka.send(events("bad", 10, Instant.parse("2024-06-03T20:00:00Z")), List.of());
    Thread.sleep(1100);
    String end = Instant.now().minusMillis(100).toString();
    BatchManifest batch = KafkaToLake.run(options(start.toString(), end), Clock.systemUTC());
    assertThat(count("select count(*) from " + BRONZE)).isEqualTo(10);
    List<String> bronzeBefore = bronzeRows();

    IngestOptions wrongStage = options(start.toString(), end, "--snowflakeStage=NO_SUCH_STAGE");
    assertThatThrownBy(() -> KafkaToLake.run(wrongStage, Clock.systemUTC()))
        .isInstanceOf(SnowflakeLoadException.class)
        .hasMessageStartingWith("Loading batch " + batch.batch() + " into " + BRONZE + " failed, so Snowflake is unchanged")
        .hasMessageContaining("Stage 'LISTENING.LAKE.NO_SUCH_STAGE' does not exist")
        .hasMessageNotContaining("\n");
    assertThat(count("select count(*) from " + STAGING))
        .as("the DELETE of staging before the failed COPY was rolled back")
        .isEqualTo(10);

    IngestOptions wrongTable = options(start.toString(), end, "--snowflakeTable=NO_SUCH_TABLE");
    assertThatThrownBy(() -> KafkaToLake.run(wrongTable, Clock.systemUTC()))
        .isInstanceOf(SnowflakeLoadException.class)
        .hasMessageStartingWith("Loading batch " + batch.batch() + " into LISTENING.LAKE.NO_SUCH_TABLE failed")
        .hasMessageContaining("NO_SUCH_TABLE")
        .hasMessageNotContaining("\n");

    SnowflakeLoad load = SnowflakeLoad.fromOptions(options(start.toString(), end)).orElseThrow();
    assertThatThrownBy(() -> load.load(lake.toString(), batch.batch(), 11, 0))
        .isInstanceOf(SnowflakeLoadException.class)
        .hasMessage(
            "Batch " + batch.batch() + " does not reconcile with Snowflake: 10 rows staged from "
                + playsFiles(batch.batch()) + " files, but its manifest counts 11 valid events;"
                + " nothing was loaded into " + BRONZE
                + ". Check that stage LISTENING.LAKE.LAKE_STAGE points at the lake root.");
    assertThatThrownBy(() -> load.load(lake.toString(), batch.batch(), 10, 2))
        .isInstanceOf(SnowflakeLoadException.class)
        .hasMessage(
            "Batch " + batch.batch() + " counts 2 dead letters but " + lake + " holds none of its"
                + " dead-letter files, so nothing was loaded into " + BRONZE + ".");

    // Settings the job can check itself fail before Kafka is asked anything: the broker address
    // below answers nothing, and the run would otherwise wait 30 s for it.
    IngestOptions noPassword =
        options(start.toString(), end, "--snowflakePasswordEnv=NO_SUCH_VARIABLE", "--bootstrapServers=127.0.0.1:1");
    assertThatThrownBy(() -> KafkaToLake.run(noPassword, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NO_SUCH_VARIABLE");
    IngestOptions notJdbc =
        options(start.toString(), end, "--snowflakeUrl=https://example.snowflakecomputing.com", "--bootstrapServers=127.0.0.1:1");
    assertThatThrownBy(() -> KafkaToLake.run(notJdbc, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--snowflakeUrl must be a Snowflake JDBC URL");

    assertThat(bronzeRows()).as("bronze after the failed loads").isEqualTo(bronzeBefore);
  }

  private IngestOptions options(String start, String end, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--runner=DirectRunner",
        "--bootstrapServers=" + kafka.bootstrapServers(),
        "--lakeDir=" + lake,
        "--windowStart=" + start,
        "--windowEnd=" + end,
        "--snowflakeUrl=" + url,
        "--snowflakeUser=fake",
        "--snowflakePasswordEnv=" + PASSWORD_ENV,
        "--snowflakeLoginTimeoutSeconds=20"));
    // Later arguments win: a test's own setting replaces the default above.
    for (String option : extra) {
      String name = option.substring(0, option.indexOf('=') + 1);
      args.removeIf(a -> a.startsWith(name));
      args.add(option);
    }
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(IngestOptions.class);
  }

  private static List<String> setupTables() throws IOException {
    String setup = Files.readString(Path.of("snowflake/setup.sql"));
    String tables = setup.substring(setup.indexOf("-- BEGIN tables"), setup.indexOf("-- END tables"));
    return Arrays.stream(tables.split(";"))
        .map(s -> s.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n")).strip())
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.put("user", "fake");
    properties.put("password", System.getenv(PASSWORD_ENV));
    properties.put("db", "LISTENING");
    properties.put("schema", "LAKE");
    properties.put("disablePlatformDetection", "true");
    return DriverManager.getConnection(url, properties);
  }

  private static long count(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static List<String> bronzeRows() throws SQLException {
    try (Connection connection = connect()) {
      return rows(connection, "select " + LAKE_VALUES + " from " + BRONZE + " order by event_id");
    }
  }

  private static List<String> deadLetterRows() throws SQLException {
    try (Connection connection = connect()) {
      return rows(connection, "select " + DEAD_LETTER_VALUES + " from " + DEAD_LETTER + " order by kafka_offset");
    }
  }

  /** Every dead letter of the lake, read by DuckDB. */
  private List<String> lakeDeadLetterRows() throws SQLException {
    String files = lake + "/" + LakeLayout.DEAD_LETTER_GLOB;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      return rows(
          connection,
          "select " + DEAD_LETTER_VALUES + " from read_parquet('" + files + "', hive_partitioning = false)"
              + " order by kafka_offset");
    }
  }

  /** The lake's rows of these batches, read by DuckDB. */
  private List<String> lakeRows(String... batches) throws SQLException {
    String files =
        Arrays.stream(batches)
            .map(b -> "'" + lake + "/" + LakeLayout.PLAYS_DIR + "/year=*/month=*/day=*/hour=*/" + b + "-*.parquet'")
            .collect(Collectors.joining(", "));
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      return rows(
          connection,
          "select " + LAKE_VALUES + " from read_parquet([" + files + "]) order by event_id");
    }
  }

  /** Each row as one string; numbers as integers and instants as epoch milliseconds on both sides. */
  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(normalised(result.getObject(i)));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  private static String normalised(Object value) {
    if (value instanceof Timestamp t) {
      return Long.toString(t.getTime());
    } else if (value instanceof OffsetDateTime t) {
      return Long.toString(t.toInstant().toEpochMilli());
    } else if (value instanceof BigDecimal n) {
      return n.toBigIntegerExact().toString();
    } else if (value instanceof Number n) {
      return Long.toString(n.longValue());
    }
    return String.valueOf(value);
  }

  private static List<PlayEvent> events(String user, int count, Instant firstPlay) {
    List<PlayEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(TestEvents.play(user + "-" + (i % 3), i, firstPlay.plusSeconds(200L * i)));
    }
    return events;
  }


  /** The batch's plays files: one per Kafka partition that had rows in the window. */
  private long playsFiles(String batchName) throws IOException {
    try (Stream<Path> files = Files.walk(lake.resolve("plays"))) {
      return files.filter(f -> f.getFileName().toString().startsWith(batchName + "-")).count();
    }
  }
}
