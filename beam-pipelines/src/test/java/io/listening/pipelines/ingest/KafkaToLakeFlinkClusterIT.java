package io.listening.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listening.events.LakeLayout;
import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KafkaToLake on a real Flink session cluster: a JobManager and a TaskManager process started by
 * {@code ops/flink.sh}, whose classpath holds Flink only. The job is submitted the way the README
 * tells a user to, {@code java -jar <bundled jar> --runner=FlinkRunner --flinkMaster=host:port
 * --filesToStage=<bundled jar>}, so its code reaches the TaskManager as the uploaded jar. Its lake
 * must equal, row by row, what the direct runner writes for the same window.
 *
 * <p>Run by {@code ops/test-flink-cluster.sh} (Maven profiles {@code bundle,flink-cluster}), which
 * builds the bundled jar first.
 */
class KafkaToLakeFlinkClusterIT {

  private static final List<String> TOPICS =
      List.of("spotify-plays", "spotify-skips", "spotify-likes", "spotify-events");
  /** Ports of their own, so a cluster on Flink's default 8081/6123 or the web app's 8080 is left alone. */
  private static final int REST_PORT = 18181;
  private static final int RPC_PORT = 16123;
  private static final String REST = "http://127.0.0.1:" + REST_PORT;
  private static final Path REPO_ROOT = Path.of(System.getProperty("repoRoot", "..")).toAbsolutePath().normalize();
  private static final Path BUNDLED_JAR = Path.of(System.getProperty("bundledJar", "target/missing-bundled.jar"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static TestKafka kafka;
  @TempDir static Path clusterData;

  @BeforeAll
  static void startKafkaAndFlink() throws Exception {
    assertThat(BUNDLED_JAR).as("the bundled jar (mvn package -Pbundle) the job is submitted as").isRegularFile();
    kafka = TestKafka.start(TOPICS);
    assertThat(flinkScript("start")).as("ops/flink.sh start exit code").isZero();
  }

  @AfterAll
  static void stopFlinkAndKafka() throws Exception {
    try {
      flinkScript("stop");
    } finally {
      if (kafka != null) {
        kafka.close();
      }
    }
  }

  @Test
  void theBundledJarOnAFlinkClusterWritesTheSameLakeAsTheDirectRunner(
      @TempDir Path directLake, @TempDir Path clusterLake) throws Exception {
    Instant start = Instant.now();
    Thread.sleep(20);
    List<String> malformed =
        List.of(
            "garbage",
            "{\"not\":\"an event\"}",
            "",
            PlayEventCodec.encode(TestEvents.play("bad", 1, Instant.parse("2024-06-04T09:00:00Z")))
                .replace("track00000000000000001", "not-a-track-id"));
    kafka.send(events(60, Instant.parse("2024-06-04T10:00:00Z")), malformed);
    Thread.sleep(1100);
    String end = Instant.now().minusMillis(100).toString();

    BatchManifest direct =
        KafkaToLake.run(
            PipelineOptionsFactory.fromArgs(jobArgs("DirectRunner", directLake, start.toString(), end))
                .as(IngestOptions.class),
            Clock.systemUTC());
    assertThat(direct.validEvents()).isEqualTo(60);
    assertThat(direct.deadLetters()).isEqualTo(malformed.size());

    List<String> submission = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-jar", BUNDLED_JAR.toString()));
    submission.addAll(List.of(jobArgs("FlinkRunner", clusterLake, start.toString(), end)));
    submission.addAll(List.of(
        "--flinkMaster=127.0.0.1:" + REST_PORT,
        "--parallelism=2",
        "--filesToStage=" + BUNDLED_JAR));
    Path submissionLog = clusterData.resolve("submission.log");
    Process job = new ProcessBuilder(submission).redirectErrorStream(true).redirectOutput(submissionLog.toFile()).start();
    boolean ended = job.waitFor(150, TimeUnit.SECONDS);
    if (!ended) {
      job.destroyForcibly().waitFor();
    }
    assertThat(ended && job.exitValue() == 0)
        .as("the submitted job ends with exit code 0 within 150 s; its output:%n%s", tail(submissionLog))
        .isTrue();

    JsonNode jobs = rest("/jobs/overview").get("jobs");
    assertThat(jobs).as("jobs the cluster ran").hasSize(1);
    assertThat(jobs.get(0).get("state").asText()).isEqualTo("FINISHED");
    List<Integer> parallelism = new ArrayList<>();
    rest("/jobs/" + jobs.get(0).get("jid").asText()).get("vertices")
        .forEach(vertex -> parallelism.add(vertex.get("parallelism").asInt()));
    assertThat(parallelism).as("the job's operators ran with --parallelism=2 on the cluster").contains(2);

    BatchManifest cluster =
        BatchManifest.read(
            Files.readString(clusterLake.resolve(LakeLayout.MANIFESTS_DIR + "/" + direct.batch() + ".json")));
    assertThat(cluster).isEqualTo(direct);
    for (String glob : List.of(LakeLayout.PLAYS_GLOB, LakeLayout.DEAD_LETTER_GLOB)) {
      String directRows = rows(directLake, glob);
      String clusterRows = rows(clusterLake, glob);
      assertThat(single("select count(*) from " + clusterRows)).as("rows in %s", glob).isEqualTo(
          glob.equals(LakeLayout.PLAYS_GLOB) ? 60 : malformed.size());
      assertThat(single("select count(*) from (" + "select * from " + clusterRows + " except all select * from " + directRows + ")"))
          .as("rows in %s written on the cluster and not by the direct runner", glob)
          .isZero();
      assertThat(single("select count(*) from (" + "select * from " + directRows + " except all select * from " + clusterRows + ")"))
          .as("rows in %s written by the direct runner and not on the cluster", glob)
          .isZero();
    }
  }

  @Test
  void theClusterProcessesCarryOnlyFlinkNotTheJobsCode() throws IOException {
    for (String process : List.of("jobmanager", "taskmanager")) {
      String pid = Files.readString(clusterData.resolve("flink-" + REST_PORT + "/" + process + ".pid")).strip();
      List<String> arguments = List.of(Files.readString(Path.of("/proc", pid, "cmdline")).split("\0"));
      List<Path> classpath =
          Stream.of(arguments.get(arguments.indexOf("-cp") + 1).split(":")).map(Path::of).toList();
      assertThat(classpath).as("the %s's classpath", process)
          .anyMatch(jar -> jar.getFileName().toString().startsWith("flink-runtime-"))
          .noneMatch(jar -> jar.getFileName().toString().startsWith("beam-"))
          .noneMatch(jar -> jar.getFileName().toString().startsWith("events-"))
          .noneMatch(jar -> jar.startsWith(REPO_ROOT));
    }
  }

  private static String[] jobArgs(String runner, Path lake, String start, String end) {
    return new String[] {
      "--runner=" + runner,
      "--bootstrapServers=" + kafka.bootstrapServers(),
      "--lakeDir=" + lake,
      "--windowStart=" + start,
      "--windowEnd=" + end
    };
  }

  /** Runs ops/flink.sh and prints what it said (through System.out, which the test report keeps). */
  private static int flinkScript(String command) throws IOException, InterruptedException {
    ProcessBuilder script =
        new ProcessBuilder("bash", REPO_ROOT.resolve("ops/flink.sh").toString(), command)
            .redirectErrorStream(true);
    script.environment().put("DATA_DIR", clusterData.toString());
    script.environment().put("FLINK_REST_PORT", String.valueOf(REST_PORT));
    script.environment().put("FLINK_RPC_PORT", String.valueOf(RPC_PORT));
    Process process = script.start();
    System.out.print(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    return process.waitFor();
  }

  private static JsonNode rest(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(HttpRequest.newBuilder(URI.create(REST + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<PlayEvent> events(int count, Instant firstPlay) {
    List<PlayEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(TestEvents.play("cluster-" + (i % 5), i, firstPlay.plusSeconds(200L * i)));
    }
    return events;
  }


  /** Every column of a lake folder, the hive partition columns (year, ..., batch) included. */
  private static String rows(Path lake, String glob) {
    return "read_parquet('" + lake + "/" + glob + "', hive_partitioning = true)";
  }

  private static long single(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
