package io.listening.poller.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.poller.cli.Cli;
import io.listening.poller.cli.CommandRun;
import io.listening.poller.cli.ExitCodes;
import io.listening.poller.kafka.NoKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code poller simulate}: its options, their variables, and how it fails. */
class SimulateCommandTest {

  private static SimulateCommand parse(Map<String, String> env, String... args) {
    SimulateCommand command = new SimulateCommand();
    Cli.configure(new CommandLine(command), env).parseArgs(args);
    return command;
  }

  @Test
  void helpListsEveryOptionWithItsVariable() {
    CommandRun help = CommandRun.poller(Map.of(), "simulate", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("--seed=n", "Env: SIMULATOR_SEED", "Default: 42")
        .contains("--users=n", "Env: SIMULATOR_USERS", "Default: 50")
        .contains("--tracks=n", "Env: SIMULATOR_TRACKS", "Default: 5000")
        .contains("--genres=n", "Env: SIMULATOR_GENRES", "Default: 12")
        .contains("--days=n", "Env: SIMULATOR_DAYS", "Default: 30")
        .contains("--end-date=yyyy-mm-dd", "Env: SIMULATOR_END_DATE")
        .contains("--max-events=n", "Env: SIMULATOR_MAX_EVENTS")
        .contains("--malformed-every=n", "Env: SIMULATOR_MALFORMED_EVERY")
        .contains("--dry-run", "--bootstrap-servers=", "Env: KAFKA_BOOTSTRAP_SERVERS")
        .contains("--planted-pairs=file");
  }

  @Test
  void defaultsEndTheHistoryToday() {
    assertThat(parse(Map.of()).config())
        .isEqualTo(
            new SimulatorConfig(42, 50, 5_000, 12, 30, LocalDate.now(ZoneOffset.UTC), 0, 0));
  }

  @Test
  void environmentVariablesAreHonouredAndOptionsWin() {
    Map<String, String> env =
        Map.of(
            "SIMULATOR_USERS", "3",
            "SIMULATOR_DAYS", "7",
            "SIMULATOR_SEED", "9",
            "SIMULATOR_END_DATE", "2024-06-08",
            "SIMULATOR_MALFORMED_EVERY", "500");

    SimulatorConfig config = parse(env, "--users=4", "--max-events", "100").config();

    assertThat(config)
        .isEqualTo(
            new SimulatorConfig(9, 4, 5_000, 12, 7, LocalDate.parse("2024-06-08"), 100, 500));
  }

  @Test
  void theOptionsTheLaunchScriptsPassAreAccepted() {
    SimulatorConfig config =
        parse(
                Map.of(),
                "--bootstrap-servers=127.0.0.1:19092",
                "--users=20",
                "--days=7",
                "--seed=7",
                "--max-events=100000",
                "--malformed-every=500",
                "--end-date=2024-06-08")
            .config();

    assertThat(config)
        .isEqualTo(
            new SimulatorConfig(7, 20, 5_000, 12, 7, LocalDate.parse("2024-06-08"), 100_000, 500));
  }

  @Test
  void aBadValueExits2NamingTheOption() {
    CommandRun run = CommandRun.poller(Map.of("SIMULATOR_DAYS", "ten"), "simulate");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: Invalid value for option '--days': 'ten'");
  }

  @Test
  void aBadDateExits2NamingTheOption() {
    CommandRun run = CommandRun.poller(Map.of(), "simulate", "--end-date=2024-13-01");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .startsWith(
            "error: Invalid value for option '--end-date': '2024-13-01' is not a date like"
                + " 2024-06-01");
  }

  @Test
  void nonsensicalConfigurationExits2WithTheReason() {
    CommandRun run = CommandRun.poller(Map.of(), "simulate", "--users=0", "--dry-run");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: users must be positive");
  }

  @Test
  void aDryRunNeedsNoKafka() {
    CommandRun run =
        CommandRun.poller(
            Map.of("KAFKA_BOOTSTRAP_SERVERS", NoKafka.address()),
            "simulate",
            "--dry-run",
            "--users=3",
            "--days=2",
            "--end-date=2024-06-08",
            "--max-events=50");

    assertThat(run.exitCode()).isZero();
    assertThat(run.log())
        .anySatisfy(line -> assertThat(line).contains("Generated (dry run, nothing published) 50"));
  }

  @Test
  void plantedPairsAreWrittenForEveryTrackTheSameForTheSameSeed(@TempDir Path folder) throws Exception {
    Path first = folder.resolve("first.csv");
    Path second = folder.resolve("second.csv");
    for (Path file : List.of(first, second)) {
      CommandRun run =
          CommandRun.poller(
              Map.of("KAFKA_BOOTSTRAP_SERVERS", NoKafka.address()),
              "simulate", "--dry-run", "--tracks=240", "--genres=4", "--max-events=10",
              "--planted-pairs=" + file);
      assertThat(run.exitCode()).isZero();
    }

    List<String> lines = Files.readAllLines(first);
    assertThat(lines.get(0)).isEqualTo("track_id,related_track_id");
    List<String[]> pairs = lines.stream().skip(1).map(line -> line.split(",")).toList();
    assertThat(pairs).hasSize(240 * 5);
    Set<String> tracks = pairs.stream().map(pair -> pair[0]).collect(Collectors.toSet());
    assertThat(tracks).hasSize(240);
    assertThat(pairs).allSatisfy(pair -> assertThat(tracks).contains(pair[1]));
    assertThat(pairs).noneSatisfy(pair -> assertThat(pair[1]).isEqualTo(pair[0]));
    assertThat(Files.readAllLines(second)).isEqualTo(lines);
  }

  @Test
  void aStoppedKafkaExits3NamingTheAddress() {
    String address = NoKafka.address();
    long started = System.nanoTime();

    CommandRun run =
        CommandRun.poller(
            Map.of(),
            "simulate",
            "--bootstrap-servers",
            address,
            "--kafka-timeout-ms=1000",
            "--max-events=10");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(run.errors())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("ERROR Kafka did not answer at " + address));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }
}
