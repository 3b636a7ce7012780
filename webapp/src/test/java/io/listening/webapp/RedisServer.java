package io.listening.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/**
 * A private {@code redis-server} (Debian's redis-server package) on a port of its own, without
 * persistence, that a test can stop and start again to see what the app does without Redis.
 */
public final class RedisServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final int port;
  private Process process;

  /** A server for a free port, not yet started. */
  public RedisServer() {
    this.port = FreePorts.next();
  }

  public int port() {
    return port;
  }

  /** Starts the server and returns once it accepts connections. */
  public void start() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(
                "redis-server",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectErrorStream(true)
            .start();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!listens()) {
      assertThat(process.isAlive()).as("redis-server on port %d exited", port).isTrue();
      assertThat(Instant.now())
          .as("redis-server listens within %s", START_TIMEOUT)
          .isBefore(deadline);
      Thread.sleep(50);
    }
  }

  /** Stops the server, if it runs, and waits until it has exited. */
  public void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor();
      process = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private boolean listens() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

}
