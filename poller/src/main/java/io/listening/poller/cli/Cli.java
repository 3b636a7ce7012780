package io.listening.poller.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How every command of the poller jar parses and fails: options first, then {@link Env}
 * variables, then defaults; {@code --help} naming each option's variable; usage errors as one line
 * plus a hint (exit 2); failures as one logged sentence (exit 1, or 3 when a service is down), the
 * stack trace only at DEBUG.
 */
public final class Cli {

  private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

  private Cli() {}

  /**
   * Sets up a command line and its subcommands (add them first) to read {@code env} and report
   * errors the platform's way.
   */
  public static CommandLine configure(CommandLine commandLine, Map<String, String> env) {
    return commandLine
        .setDefaultValueProvider(new EnvironmentDefaults(env))
        .setHelpFactory(EnvironmentHelp::new)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(Cli::usageError)
        .setExecutionExceptionHandler(Cli::failure);
  }

  /**
   * Fills an object's {@code @Option} fields from the environment and defaults alone, as a command
   * run without arguments would.
   *
   * @throws IllegalArgumentException naming the option when a value cannot be read
   */
  public static <T> T fromEnvironment(T options, Map<String, String> env) {
    try {
      configure(new CommandLine(options), env).parseArgs();
    } catch (ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return options;
  }

  private static int usageError(ParameterException e, String[] args) {
    return usageError(e.getCommandLine(), e.getMessage());
  }

  private static int usageError(CommandLine commandLine, String message) {
    PrintWriter err = commandLine.getErr();
    err.println("error: " + message);
    err.println(
        "Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /**
   * An {@link IllegalArgumentException} is a bad value found once the options were read (a
   * configuration record refusing it, a path that does not exist): a usage error like the others.
   */
  private static int failure(Exception e, CommandLine commandLine, ParseResult parsed) {
    if (e instanceof ParameterException usage) {
      return usageError(usage.getCommandLine(), usage.getMessage());
    }
    if (e instanceof IllegalArgumentException badValue) {
      return usageError(commandLine, badValue.getMessage());
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (e instanceof UnavailableException) {
      LOG.error(message);
      LOG.debug("Stack trace of the failure above.", e);
      return ExitCodes.UNAVAILABLE;
    }
    LOG.error("{} failed: {}", commandLine.getCommandSpec().qualifiedName(), message);
    LOG.debug("Stack trace of the failure above.", e);
    return ExitCodes.FAILED;
  }
}
