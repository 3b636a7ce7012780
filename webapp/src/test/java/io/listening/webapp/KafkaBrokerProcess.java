package io.listening.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * A Kafka broker in a process of its own, started and stopped by the repository's {@code
 * ops/kafka.sh} on free ports with its log in a temporary folder, so that a test can restart it as
 * an operator would: the log, the cluster and the topics survive the restart. (An embedded broker
 * restarted inside the test JVM drops every fetch after its restart.)
 */
public final class KafkaBrokerProcess implements AutoCloseable {

  private static final Path SCRIPT = Path.of("..", "ops", "kafka.sh").toAbsolutePath().normalize();

  private final int port = FreePorts.next();
  private final int controllerPort = FreePorts.next();
  private final Path directory;

  public KafkaBrokerProcess() {
    try {
      directory = Files.createTempDirectory("webapp-test-kafka");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Starts the broker (formatting its log the first time) and returns once it listens. */
  public void start() {
    run("start");
  }

  /** Stops the broker and waits until it has exited. */
  public void stop() {
    run("stop");
  }

  @Override
  public void close() {
    stop();
    FileSystemUtils.deleteRecursively(directory.toFile());
  }

  private void run(String command) {
    ProcessBuilder script =
        new ProcessBuilder("bash", SCRIPT.toString(), command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("kafka.sh.log").toFile());
    Map<String, String> environment = script.environment();
    environment.put("KAFKA_PORT", String.valueOf(port));
    environment.put("KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
    environment.put("KAFKA_DIR", directory.resolve("broker").toString());
    environment.put("DATA_DIR", directory.toString());
    try {
      int exit = script.start().waitFor();
      String output = Files.readString(directory.resolve("kafka.sh.log"));
      assertThat(exit).as("ops/kafka.sh %s exited %d: %s", command, exit, output).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

}
