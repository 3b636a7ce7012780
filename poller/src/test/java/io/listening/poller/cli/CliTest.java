package io.listening.poller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** How every poller command reads its options and reports failures. */
class CliTest {

  @Command(name = "demo", mixinStandardHelpOptions = true, showDefaultValues = true)
  static final class Demo implements Callable<Integer> {

    @Option(names = "--users", defaultValue = "50", description = "How many.")
    @Env("DEMO_USERS")
    int users;

    @Option(
        names = "--wait-ms",
        defaultValue = "5000",
        converter = MillisConverter.class,
        description = "How long.")
    @Env("DEMO_WAIT_MS")
    Duration wait;

    @Option(names = "--plain", description = "No variable.")
    String plain;

    RuntimeException failure;

    @Override
    public Integer call() {
      if (failure != null) {
        throw failure;
      }
      return ExitCodes.OK;
    }
  }

  private static Demo parse(Map<String, String> env, String... args) {
    Demo demo = new Demo();
    Cli.configure(new CommandLine(demo), env).parseArgs(args);
    return demo;
  }

  private static CommandRun run(Demo demo, String... args) {
    return CommandRun.of(Cli.configure(new CommandLine(demo), Map.of()), args);
  }

  @Test
  void anOptionWinsOverItsVariableWhichWinsOverTheDefault() {
    assertThat(parse(Map.of()).users).isEqualTo(50);
    assertThat(parse(Map.of("DEMO_USERS", "7")).users).isEqualTo(7);
    assertThat(parse(Map.of("DEMO_USERS", "7"), "--users=9").users).isEqualTo(9);
    assertThat(parse(Map.of("DEMO_USERS", "7"), "--users", "9").users).isEqualTo(9);
  }

  @Test
  void aBlankVariableCountsAsUnset() {
    assertThat(parse(Map.of("DEMO_USERS", "  ")).users).isEqualTo(50);
  }

  @Test
  void millisecondOptionsAreDurations() {
    assertThat(parse(Map.of("DEMO_WAIT_MS", "1500")).wait).isEqualTo(Duration.ofMillis(1_500));
  }

  @Test
  void helpNamesEachOptionsVariableAndDefault() {
    CommandRun help = run(new Demo(), "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("--users=<users>", "Default: 50", "Env: DEMO_USERS")
        .contains("--wait-ms=<wait>", "Default: 5000", "Env: DEMO_WAIT_MS")
        .contains("--plain=<plain>");
    assertThat(help.out().lines().filter(line -> line.contains("Env:"))).hasSize(2);
  }

  @Test
  void aBadValueIsOneLineNamingTheOptionAndAHintWithExitCode2() {
    CommandRun run = run(new Demo(), "--wait-ms=soon");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines())
        .containsExactly(
            "error: Invalid value for option '--wait-ms': 'soon' is not a whole number of"
                + " milliseconds",
            "Try 'demo --help' for the options.");
  }

  @Test
  void aBadValueInTheEnvironmentIsAUsageErrorToo() {
    Demo demo = new Demo();
    CommandRun run =
        CommandRun.of(Cli.configure(new CommandLine(demo), Map.of("DEMO_USERS", "many")));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("'--users'").contains("'many'");
  }

  @Test
  void anUnknownOptionExits2() {
    CommandRun run = run(new Demo(), "--user=3");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: Unknown option: '--user=3'");
  }

  @Test
  void aValueRefusedOnceReadIsAUsageError() {
    Demo demo = new Demo();
    demo.failure = new IllegalArgumentException("users must be positive");

    CommandRun run = run(demo);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: users must be positive");
  }

  @Test
  void aFailureIsOneLoggedSentenceWithExitCode1AndNoStackTrace() {
    Demo demo = new Demo();
    demo.failure = new IllegalStateException("the checkpoint is locked by another import");

    CommandRun run = run(demo);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errors())
        .containsExactly("ERROR demo failed: the checkpoint is locked by another import");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anUnavailableServiceExits3WithItsSentence() {
    Demo demo = new Demo();
    demo.failure = new UnavailableException("Kafka did not answer at 127.0.0.1:1.", null);

    CommandRun run = run(demo);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(run.errors()).containsExactly("ERROR Kafka did not answer at 127.0.0.1:1.");
  }
}
