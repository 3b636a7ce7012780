package io.listening.poller.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.listening.poller.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * One run of a command line as a user would see it: the exit code, what picocli printed and what
 * was logged ({@code LEVEL message}, one entry per event).
 */
public record CommandRun(int exitCode, String out, String err, List<String> log) {

  /** Runs {@code poller <args>} with this environment and nothing on standard input. */
  public static CommandRun poller(Map<String, String> env, String... args) {
    return poller(env, new ByteArrayInputStream(new byte[0]), args);
  }

  public static CommandRun poller(Map<String, String> env, InputStream stdin, String... args) {
    return of(Main.commandLine(env, stdin, null, Clock.systemUTC()), args);
  }

  /** Runs a command line that {@link Cli#configure} already set up. */
  public static CommandRun of(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    int exitCode;
    try {
      exitCode = commandLine.execute(args);
    } finally {
      root.detachAppender(appender);
    }
    List<String> log =
        appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    return new CommandRun(exitCode, out.toString(), err.toString(), log);
  }

  /** The log entries at ERROR. */
  public List<String> errors() {
    return log.stream().filter(line -> line.startsWith("ERROR ")).toList();
  }
}
