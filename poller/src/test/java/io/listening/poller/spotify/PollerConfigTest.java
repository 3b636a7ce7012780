package io.listening.poller.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.poller.cli.Cli;
import io.listening.poller.cli.CommandRun;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PollerConfigTest {

  private static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("POLLER_TOKEN_KEY", TestConfigs.TOKEN_KEY);
    return env;
  }

  @Test
  void defaultsLiveUnderDataDirAndTalkToSpotify() {
    Map<String, String> env = minimal();
    env.put("DATA_DIR", "/srv/listening");

    PollerConfig config = PollerConfig.fromEnv(env);

    assertThat(config.tokenFile()).isEqualTo(Path.of("/srv/listening/spotify-tokens.enc"));
    assertThat(config.stateDir()).isEqualTo(Path.of("/srv/listening/poller"));
    assertThat(config.apiUrl()).isEqualTo(URI.create("https://api.spotify.com"));
    assertThat(config.accountsUrl()).isEqualTo(URI.create("https://accounts.spotify.com"));
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.dedupeWindowFor(180_000)).isEqualTo(Duration.ofSeconds(240));
  }

  @Test
  void missingTokenKeyFailsNamingTheVariable() {
    assertThatThrownBy(() -> PollerConfig.fromEnv(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("POLLER_TOKEN_KEY");
  }

  @Test
  void tokenKeyOfTheWrongLengthIsRejected() {
    Map<String, String> env = Map.of("POLLER_TOKEN_KEY", "c2hvcnQ=");

    assertThatThrownBy(() -> PollerConfig.fromEnv(env))
        .hasMessageContaining("POLLER_TOKEN_KEY")
        .hasMessageContaining("32 bytes");
  }

  @Test
  void clientSecretComesFromTheEnvironmentOnly() {
    Map<String, String> env = minimal();
    env.put("POLLER_SPOTIFY_CLIENT_ID", "app");

    PollerConfig config = PollerConfig.fromEnv(env);

    assertThat(config.clientSecret()).isNull();
    assertThatThrownBy(config::requireClientCredentials)
        .hasMessageContaining("POLLER_SPOTIFY_CLIENT_SECRET");
    assertThat(
            CommandRun.poller(env, "poll", "--spotify-client-secret=from-the-command-line")
                .err())
        .startsWith("error: Unknown option: '--spotify-client-secret=from-the-command-line'");
  }

  @Test
  void missingClientIdIsNamedWhenSpotifyIsNeeded() {
    PollerConfig config = PollerConfig.fromEnv(minimal());

    assertThatThrownBy(config::requireClientCredentials)
        .hasMessageContaining("POLLER_SPOTIFY_CLIENT_ID");
  }

  @Test
  void optionsOverrideTheEnvironment() {
    Map<String, String> env = minimal();
    env.put("POLLER_POLL_INTERVAL_MS", "5000");
    env.put("POLLER_STATE_DIR", "/srv/state");
    PollerOptions options = new PollerOptions();

    Cli.configure(new CommandLine(options), env)
        .parseArgs("--poll-interval-ms=2000", "--state-dir", "/tmp/state");
    PollerConfig config = options.config(env);

    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.stateDir()).isEqualTo(Path.of("/tmp/state"));
  }

  @Test
  void aValueThatIsNotANumberOfMillisecondsIsRefusedNamingTheOption() {
    Map<String, String> env = minimal();
    env.put("POLLER_BACKOFF_MAX_MS", "5m");

    assertThatThrownBy(() -> PollerConfig.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'--backoff-max-ms'")
        .hasMessageContaining("'5m' is not a whole number of milliseconds");
  }

  @Test
  void fixedDedupeWindowReplacesTrackLengthPlusMargin() {
    Map<String, String> env = minimal();
    env.put("POLLER_DEDUPE_WINDOW_MS", "90000");

    PollerConfig config = PollerConfig.fromEnv(env);

    assertThat(config.dedupeWindowFor(600_000)).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void baseUrlWithAPathIsRejected() {
    Map<String, String> env = minimal();
    env.put("POLLER_SPOTIFY_API_URL", "http://127.0.0.1:8080/v1");

    assertThatThrownBy(() -> PollerConfig.fromEnv(env))
        .hasMessageContaining("spotify-api-url");
  }

  @Test
  void nonPositiveIntervalIsRejected() {
    Map<String, String> env = minimal();
    env.put("POLLER_POLL_INTERVAL_MS", "0");

    assertThatThrownBy(() -> PollerConfig.fromEnv(env))
        .hasMessageContaining("poll-interval-ms");
  }

  @Test
  void descriptionNeverShowsSecrets() {
    Map<String, String> env = minimal();
    env.put("POLLER_SPOTIFY_CLIENT_ID", "app");
    env.put("POLLER_SPOTIFY_CLIENT_SECRET", "very-secret-value");

    String text = PollerConfig.fromEnv(env).toString();

    assertThat(text).doesNotContain("very-secret-value").doesNotContain(TestConfigs.TOKEN_KEY);
  }
}
