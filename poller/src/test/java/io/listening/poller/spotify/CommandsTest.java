package io.listening.poller.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.poller.cli.CommandRun;
import io.listening.poller.cli.ExitCodes;
import io.listening.poller.kafka.NoKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spotify commands: their help, and that they refuse to start without their settings, naming
 * what is missing.
 */
class CommandsTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"poll", "recently-played"})
  void helpListsEveryOptionWithItsVariable(String command) {
    CommandRun help = CommandRun.poller(Map.of(), command, "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("--data-dir=dir", "Env: DATA_DIR")
        .contains("--token-file=file", "Env: POLLER_TOKEN_FILE")
        .contains("--state-dir=dir", "Env: POLLER_STATE_DIR")
        .contains("--spotify-client-id=id", "Env: POLLER_SPOTIFY_CLIENT_ID")
        .contains("--spotify-api-url=url", "Env: POLLER_SPOTIFY_API_URL")
        .contains("--spotify-accounts-url=url", "Env: POLLER_SPOTIFY_ACCOUNTS_URL")
        .contains("--poll-interval-ms=ms", "Env: POLLER_POLL_INTERVAL_MS", "Default: 5000")
        .contains("--backoff-max-ms=ms", "Env: POLLER_BACKOFF_MAX_MS", "Default: 300000")
        .contains("--http-timeout-ms=ms", "Env: POLLER_HTTP_TIMEOUT_MS", "Default: 10000")
        .contains("--dedupe-window-ms=ms", "Env: POLLER_DEDUPE_WINDOW_MS")
        .contains("--dedupe-margin-ms=ms", "Env: POLLER_DEDUPE_MARGIN_MS", "Default: 60000")
        .contains("--bootstrap-servers=", "Env: KAFKA_BOOTSTRAP_SERVERS")
        .contains("POLLER_TOKEN_KEY", "POLLER_SPOTIFY_CLIENT_SECRET")
        .doesNotContain("threshold");
  }

  @ParameterizedTest
  @ValueSource(strings = {"poll", "recently-played"})
  void aBadValueExits2NamingTheOption(String command) {
    CommandRun run = CommandRun.poller(minimal(), command, "--poll-interval-ms=fast");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: Invalid value for option '--poll-interval-ms'");
  }

  @Test
  void pollWithoutTokenKeyFailsNamingIt() {
    CommandRun run = CommandRun.poller(Map.of("DATA_DIR", dir.toString()), "poll");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("POLLER_TOKEN_KEY is required");
  }

  @Test
  void pollWithoutClientSecretFailsNamingIt() {
    Map<String, String> env = minimal();
    env.put("POLLER_SPOTIFY_CLIENT_ID", "app");

    CommandRun run = CommandRun.poller(env, "poll");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("POLLER_SPOTIFY_CLIENT_SECRET is required");
  }

  @Test
  void recentlyPlayedWithoutClientIdFailsNamingIt() {
    CommandRun run = CommandRun.poller(minimal(), "recently-played");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("POLLER_SPOTIFY_CLIENT_ID is required");
  }

  @Test
  void theClientIdOptionStandsInForItsVariable() {
    Map<String, String> env = minimal();

    CommandRun run = CommandRun.poller(env, "recently-played", "--spotify-client-id=app");

    assertThat(run.err()).contains("POLLER_SPOTIFY_CLIENT_SECRET is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"poll", "recently-played"})
  void aStoppedKafkaExits3NamingTheAddress(String command) {
    Map<String, String> env = minimal();
    env.put("POLLER_SPOTIFY_CLIENT_ID", "app");
    env.put("POLLER_SPOTIFY_CLIENT_SECRET", "secret");
    env.put("KAFKA_TIMEOUT_MS", "1000");
    String address = NoKafka.address();
    long started = System.nanoTime();

    CommandRun run = CommandRun.poller(env, command, "--bootstrap-servers=" + address);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(run.errors())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("ERROR Kafka did not answer at " + address));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void noCommandIsAUsageError() {
    CommandRun run = CommandRun.poller(Map.of());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .startsWith(
            "error: a command is required: simulate, import, poll, recently-played or token");
  }

  private Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dir.toString());
    env.put("POLLER_TOKEN_KEY", TestConfigs.TOKEN_KEY);
    return env;
  }
}
