package io.listening.poller;

import io.listening.poller.cli.Cli;
import io.listening.poller.cli.Version;
import io.listening.poller.exports.ImportCommand;
import io.listening.poller.simulator.SimulateCommand;
import io.listening.poller.spotify.auth.TokenCommand;
import io.listening.poller.spotify.backfill.RecentlyPlayedCommand;
import io.listening.poller.spotify.playback.PollCommand;
import java.io.Console;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Command line entry point of the event sources: {@code java -jar poller.jar <command> --help}
 * lists each command's options with their environment variables and defaults.
 */
@Command(
    name = "poller",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Puts listening events into Kafka.",
    footer = {
      "",
      "Every option can also be set by the environment variable its help names; an option on the"
          + " command line wins. Exit codes: 0 done, 1 failed, 2 bad arguments or configuration,"
          + " 3 a service it needs (Kafka) is unavailable."
    })
public final class Main implements Runnable {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine(System.getenv(), System.in, System.console(), Clock.systemUTC())
        .execute(args));
  }

  /** The whole command line, reading the given environment and, for {@code token}, stdin. */
  public static CommandLine commandLine(
      Map<String, String> env, InputStream stdin, Console console, Clock clock) {
    CommandLine commandLine =
        new CommandLine(new Main())
            .addSubcommand(new SimulateCommand())
            .addSubcommand(new ImportCommand())
            .addSubcommand(new PollCommand(env))
            .addSubcommand(new RecentlyPlayedCommand(env))
            .addSubcommand(new TokenCommand(env, stdin, console, clock));
    return Cli.configure(commandLine, env);
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "a command is required: simulate, import, poll, recently-played or token");
  }
}
