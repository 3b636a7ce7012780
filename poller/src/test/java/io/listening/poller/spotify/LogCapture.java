package io.listening.poller.spotify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What one class logs while a test runs, DEBUG included; close it to stop capturing. */
public final class LogCapture implements AutoCloseable {

  /** One logged line. */
  public record Line(Level level, String message, boolean hasStackTrace) {}

  private final Logger logger;
  private final Level previousLevel;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(Class<?> type) {
    this.logger = (Logger) LoggerFactory.getLogger(type);
    this.previousLevel = logger.getLevel();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
  }

  public static LogCapture of(Class<?> type) {
    return new LogCapture(type);
  }

  public List<Line> lines() {
    synchronized (appender) {
      return appender.list.stream()
          .map(e -> new Line(e.getLevel(), e.getFormattedMessage(), e.getThrowableProxy() != null))
          .toList();
    }
  }

  public List<Line> lines(Level level) {
    return lines().stream().filter(line -> line.level() == level).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
  }
}
