package io.listening.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.events.LakeLayout;
import io.listening.events.PlayEvent;
import io.listening.pipelines.lake.PathStyleS3ClientBuilderFactory;
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
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch job writing an {@code s3://} lake through Beam's S3 filesystem, against the
 * S3-compatible server of {@link S3TestServer} (moto, started by ops/test-s3.sh; Maven profile
 * {@code s3-lake}). It leaves its lake in the bucket: ops/test-s3.sh then builds dbt on it.
 */
@Tag("s3")
class KafkaToLakeS3IT {

  private static final List<String> TOPICS =
      List.of("spotify-plays", "spotify-skips", "spotify-likes", "spotify-events");
  private static TestKafka kafka;
  private static S3TestServer s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3TestServer.fromEnvironment();
    kafka = TestKafka.start(TOPICS);
  }

  @AfterAll
  static void stop() {
    kafka.close();
    s3.close();
  }

  @Test
  void anS3LakeHoldsTheRowsOfALocalLakeAndARerunReplacesItsObjects(
      @TempDir Path localLake, @TempDir Path downloads) throws Exception {
    Instant start = Instant.now();
    Thread.sleep(20);
    send(50, List.of("{\"not\":\"an event\"}", "garbage", "[]"));
    Thread.sleep(1100);
    String end = Instant.now().minusMillis(100).toString();
    s3.resetLake();

    BatchManifest local = KafkaToLake.run(options(localLake.toString(), start.toString(), end), Clock.systemUTC());
    // Region and credentials come from the AWS SDK's environment (AWS_REGION, AWS_ACCESS_KEY_ID, ...).
    BatchManifest onS3 =
        KafkaToLake.run(
            options(s3.lakeDir(), start.toString(), end,
                "--endpoint=" + s3.endpoint(),
                "--s3ClientFactoryClass=" + PathStyleS3ClientBuilderFactory.class.getName()),
            Clock.systemUTC());

    assertThat(local.validEvents()).isEqualTo(50);
    assertThat(local.deadLetters()).isEqualTo(3);
    assertThat(onS3).isEqualTo(local);
    Map<String, Instant> objects = s3.lakeObjects();
    String batch = onS3.batch();
    assertThat(objects.keySet())
        .as("only the lake's own objects: no temporary files are left behind")
        .allMatch(
            key ->
                Pattern.matches(
                    "plays/year=\\d{4}/month=\\d{2}/day=\\d{2}/hour=\\d{2}/" + batch + "-[^/]+\\.parquet", key)
                    || Pattern.matches("dead_letter/batch=" + batch + "/[^/]+\\.parquet", key)
                    || key.equals("_manifests/" + batch + ".json"))
        .contains("_manifests/" + batch + ".json")
        .anyMatch(key -> key.startsWith("plays/"))
        .anyMatch(key -> key.startsWith("dead_letter/"));
    Path first = downloads.resolve("first");
    s3.download(first);
    assertThat(BatchManifest.read(Files.readString(first.resolve("_manifests/" + batch + ".json"))))
        .isEqualTo(local);
    assertSameRows(first, localLake);

    String key = System.getenv("AWS_ACCESS_KEY_ID");
    String secret = System.getenv("AWS_SECRET_ACCESS_KEY");
    BatchManifest rerun =
        KafkaToLake.run(
            options(s3.lakeDir(), start.toString(), end,
                "--endpoint=" + s3.endpoint(),
                "--s3ClientFactoryClass=" + PathStyleS3ClientBuilderFactory.class.getName(),
                "--awsRegion=" + System.getenv().getOrDefault("AWS_REGION", "us-east-1"),
                "--awsCredentialsProvider={\"@type\": \"StaticCredentialsProvider\", \"accessKeyId\": \""
                    + key + "\", \"secretAccessKey\": \"" + secret + "\"}"),
            Clock.systemUTC());

    assertThat(rerun).isEqualTo(onS3);
    assertThat(s3.lakeObjects().keySet()).as("the rerun adds no object").isEqualTo(objects.keySet());
    Path second = downloads.resolve("second");
    s3.download(second);
    assertSameRows(second, localLake);
  }

  /** Both lakes hold the same rows, in the same hour partitions and batches, none of them twice. */
  private static void assertSameRows(Path lake, Path expected) throws SQLException {
    String plays =
        "read_parquet('%s/" + LakeLayout.PLAYS_GLOB + "', hive_partitioning = true,"
            + " hive_types = {'year': INTEGER, 'month': INTEGER, 'day': INTEGER, 'hour': INTEGER})";
    String deadLetters = "read_parquet('%s/" + LakeLayout.DEAD_LETTER_GLOB + "', hive_partitioning = false)";
    for (String table : List.of(plays, deadLetters)) {
      String actual = String.format(table, lake);
      String wanted = String.format(table, expected);
      assertThat(single("select count(*) from " + actual)).isEqualTo(single("select count(*) from " + wanted));
      assertThat(single("select count(*) from (from " + actual + " except all from " + wanted + ")"))
          .as("rows of %s that the local lake lacks", actual)
          .isZero();
      assertThat(single("select count(*) from (from " + wanted + " except all from " + actual + ")"))
          .as("rows of the local lake that %s lacks", actual)
          .isZero();
    }
    assertThat(single("select count(*) from " + String.format(plays, lake))).isEqualTo(50);
    assertThat(single("select count(*) from " + String.format(deadLetters, lake))).isEqualTo(3);
  }

  private static IngestOptions options(String lakeDir, String start, String end, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "--runner=DirectRunner",
        "--bootstrapServers=" + kafka.bootstrapServers(),
        "--lakeDir=" + lakeDir,
        "--windowStart=" + start,
        "--windowEnd=" + end));
    args.addAll(List.of(more));
    // withValidation, as main() parses: the S3 options must be known to the options factory.
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).withValidation().as(IngestOptions.class);
  }

  private static void send(int count, List<String> malformed) {
    Instant firstPlay = Instant.parse("2024-06-05T12:00:00Z");
    List<PlayEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(TestEvents.play("s3-" + (i % 4), i, firstPlay.plusSeconds(200L * i)));
    }
    kafka.send(events, malformed);
  }

  private static long single(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
