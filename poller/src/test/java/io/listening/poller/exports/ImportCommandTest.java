package io.listening.poller.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.events.UserIds;
import io.listening.poller.cli.Cli;
import io.listening.poller.cli.CommandRun;
import io.listening.poller.cli.ExitCodes;
import io.listening.poller.kafka.NoKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code poller import}: its options, their variables, and how it fails. */
class ImportCommandTest {

  @TempDir Path dir;

  private static ImportCommand parse(Map<String, String> env, String... args) {
    ImportCommand command = new ImportCommand();
    Cli.configure(new CommandLine(command), env).parseArgs(args);
    return command;
  }

  @Test
  void helpListsEveryOptionWithItsVariable() {
    CommandRun help = CommandRun.poller(Map.of(), "import", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("--path=export", "Env: IMPORT_PATH")
        .contains("--user=id", "Env: IMPORT_USER")
        .contains("--checkpoint=file", "Env: IMPORT_CHECKPOINT")
        .contains("--data-dir=dir", "Env: DATA_DIR", "Default: data")
        .contains("--bootstrap-servers=", "Env: KAFKA_BOOTSTRAP_SERVERS")
        .contains("Default: 127.0.0.1:19092")
        .contains("--partitions=n", "--replication-factor=n", "--kafka-timeout-ms=ms")
        .doesNotContain("threshold");
  }

  @Test
  void bothOptionSpellingsWorkAndTheCheckpointDefaultsUnderTheDataDir() {
    ImportConfig config =
        parse(Map.of(), "--path=export.zip", "--user", "alice", "--data-dir=/srv/listening")
            .config();

    assertThat(config.path()).isEqualTo(Path.of("export.zip"));
    assertThat(config.userId()).isEqualTo("alice");
    assertThat(config.checkpoint())
        .isEqualTo(Path.of("/srv/listening/import-checkpoints/alice.json"));
  }

  @Test
  void environmentVariablesAreHonouredAndOptionsWin() {
    Map<String, String> env =
        Map.of(
            "IMPORT_PATH", "/exports/alice",
            "IMPORT_USER", "alice",
            "IMPORT_CHECKPOINT", "/tmp/alice.json",
            "DATA_DIR", "/srv/listening",
            "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092");

    ImportCommand command = parse(env, "--user=bob");

    assertThat(command.config())
        .isEqualTo(
            new ImportConfig(Path.of("/exports/alice"), "bob", Path.of("/tmp/alice.json")));
    assertThat(command.kafka.config().bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
  }

  @Test
  void withoutDataDirTheCheckpointGoesUnderData() {
    assertThat(parse(Map.of("IMPORT_USER", "bob"), "--path=x").config().checkpoint())
        .isEqualTo(Path.of("data/import-checkpoints/bob.json"));
  }

  @Test
  void userAndPathAreRequired() {
    CommandRun run = CommandRun.poller(Map.of(), "import", "--path=x");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .startsWith("error: Missing required option: '--user=id'")
        .contains("Try 'poller import --help'");
  }

  @Test
  void aBadValueExits2NamingTheOption() {
    CommandRun run =
        CommandRun.poller(Map.of(), "import", "--path=x", "--user=alice", "--partitions=three");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("'--partitions'").contains("'three'");
  }

  @Test
  void aUserIdThatCannotNameAFileIsRefusedWithTheRule() {
    CommandRun run = CommandRun.poller(Map.of(), "import", "--path=x", "--user=../etc");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("user must be " + UserIds.RULE);
  }

  @Test
  void aMissingExportExits2BeforeKafkaIsAsked() {
    CommandRun run =
        CommandRun.poller(
            Map.of("DATA_DIR", dir.toString()),
            "import",
            "--path=" + dir.resolve("nothing-here"),
            "--user=alice",
            "--bootstrap-servers=" + NoKafka.address());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("does not exist");
  }

  @Test
  void aStoppedKafkaExits3WithOneSentenceNamingWhereItWasLookedFor() {
    String address = NoKafka.address();
    long started = System.nanoTime();

    CommandRun run =
        CommandRun.poller(
            Map.of("DATA_DIR", dir.toString(), "KAFKA_TIMEOUT_MS", "1000"),
            "import",
            "--path=" + TestExports.resource("basic"),
            "--user=alice",
            "--bootstrap-servers=" + address);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(run.errors())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("ERROR Kafka did not answer at " + address + " within 1 s")
                    .contains("bash ops/kafka.sh start")
                    .contains("KAFKA_BOOTSTRAP_SERVERS"));
    assertThat(run.log()).noneMatch(line -> line.contains("Connection to node"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(Files.exists(dir.resolve("import-checkpoints/alice.json"))).isFalse();
  }
}
