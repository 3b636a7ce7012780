package io.listening.poller.exports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far an import got: a one-line text bar redrawn on stderr at most five times a second
 * when stderr is a terminal, otherwise a log line every ten seconds (so redirected output and
 * service logs stay readable).
 */
public final class ProgressReporter {

  /** Receives the progress of an import, e.g. a web page; called on the importing thread. */
  public interface Listener {

    /**
     * @param file the file being read
     * @param bytesDone bytes of the whole export read so far
     * @param totalBytes bytes of every history file of the export
     * @param records records handled so far
     */
    void progress(String file, long bytesDone, long totalBytes, long records);
  }


  private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);
  private static final int BAR_WIDTH = 30;

  private final PrintStream terminal;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final boolean enabled;
  private final Listener listener;
  private long totalBytes;
  private long lastShown;
  private int lastLength;

  ProgressReporter(
      PrintStream terminal, Duration interval, LongSupplier nanoTime, boolean enabled) {
    this.terminal = terminal;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
    this.enabled = enabled;
    this.listener = null;
  }

  private ProgressReporter(Listener listener, Duration interval) {
    this.terminal = null;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = System::nanoTime;
    this.enabled = true;
    this.listener = listener;
  }

  /** Tells {@code listener} how far the import got, at most once per {@code interval}. */
  public static ProgressReporter to(Listener listener, Duration interval) {
    return new ProgressReporter(listener, interval);
  }

  /** A bar on stderr if it is a terminal, else periodic log lines. */
  static ProgressReporter forStderr() {
    return stderrIsTerminal()
        ? new ProgressReporter(System.err, Duration.ofMillis(200), System::nanoTime, true)
        : new ProgressReporter(null, Duration.ofSeconds(10), System::nanoTime, true);
  }

  static ProgressReporter silent() {
    return new ProgressReporter(null, Duration.ZERO, System::nanoTime, false);
  }

  void start(long totalBytes) {
    this.totalBytes = Math.max(totalBytes, 1);
    this.lastShown = nanoTime.getAsLong();
  }

  /**
   * @param bytesDone bytes of the whole export read so far
   * @param records records handled so far
   */
  void update(String file, long bytesDone, long records) {
    long now = nanoTime.getAsLong();
    if (!enabled || now - lastShown < intervalNanos) {
      return;
    }
    lastShown = now;
    if (listener != null) {
      listener.progress(file, bytesDone, totalBytes, records);
      return;
    }
    int percent = (int) Math.min(100, bytesDone * 100 / totalBytes);
    if (terminal == null) {
      LOG.info("Import at {}%: {} records handled, now reading {}.", percent, records, file);
      return;
    }
    int filled = percent * BAR_WIDTH / 100;
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %3d%%  %,d records  %s",
            "#".repeat(filled),
            " ".repeat(BAR_WIDTH - filled),
            percent,
            records,
            file);
    terminal.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    terminal.flush();
    lastLength = line.length();
  }

  /** Clears the bar so that a log line can be written on a clean line. */
  void clear() {
    if (terminal != null && lastLength > 0) {
      terminal.print("\r" + " ".repeat(lastLength) + "\r");
      terminal.flush();
      lastLength = 0;
    }
  }

  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // Not Linux: the console exists only when stdin and stdout are terminals; close enough.
      return System.console() != null;
    }
  }
}
