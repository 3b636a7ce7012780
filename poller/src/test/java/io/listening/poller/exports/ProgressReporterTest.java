package io.listening.poller.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final AtomicLong nanos = new AtomicLong();
  private final ProgressReporter progress =
      new ProgressReporter(
          new PrintStream(screen, true, StandardCharsets.UTF_8),
          Duration.ofMillis(200),
          nanos::get,
          true);

  @Test
  void drawsABarWithPercentAndRecordsAtMostFiveTimesASecond() {
    progress.start(1_000);

    nanos.addAndGet(Duration.ofMillis(250).toNanos());
    progress.update("StreamingHistory0.json", 500, 1_234);
    nanos.addAndGet(Duration.ofMillis(50).toNanos());
    progress.update("StreamingHistory0.json", 600, 1_500);

    String shown = screen.toString(StandardCharsets.UTF_8);
    assertThat(shown)
        .isEqualTo(
            "\r[###############               ]  50%  1,234 records  StreamingHistory0.json");
  }

  @Test
  void clearingErasesTheBarSoALogLineStartsClean() {
    progress.start(1_000);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    progress.update("endsong_1.json", 1_000, 2_080);
    int drawn = screen.size();

    progress.clear();

    String cleared = screen.toString(StandardCharsets.UTF_8).substring(drawn);
    assertThat(cleared).matches("\r +\r");
  }

  @Test
  void aSilentReporterWritesNothing() {
    ProgressReporter silent = ProgressReporter.silent();
    silent.start(10);
    silent.update("x", 5, 5);
    silent.clear();

    assertThat(screen.size()).isZero();
  }
}
