package io.listening.poller.spotify.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.events.UserIds;
import io.listening.poller.cli.Cli;
import io.listening.poller.cli.CommandRun;
import io.listening.poller.cli.ExitCodes;
import io.listening.poller.spotify.MutableClock;
import io.listening.poller.spotify.TestConfigs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokenCommandTest {

  private static final Instant NOW = Instant.parse("2025-01-02T10:00:00Z");

  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of("DATA_DIR", dir.toString(), "POLLER_TOKEN_KEY", TestConfigs.TOKEN_KEY);
  }

  private CommandRun run(String stdin, String... args) {
    TokenCommand command =
        new TokenCommand(
            env(),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            null,
            new MutableClock(NOW));
    return CommandRun.of(Cli.configure(new CommandLine(command), env()), args);
  }

  private TokenStore store() {
    return TokenStore.open(
        dir.resolve("spotify-tokens.enc"),
        TokenKey.fromBase64(TestConfigs.TOKEN_KEY, "POLLER_TOKEN_KEY"));
  }

  @Test
  void addStoresTheRefreshTokenReadFromStandardInput() {
    CommandRun run = run("AQD-refresh-token\n", "--user=alice");

    assertThat(run.exitCode()).isZero();
    assertThat(run.log()).noneMatch(line -> line.contains("AQD-refresh-token"));
    UserTokens alice = store().get("alice").orElseThrow();
    assertThat(alice.refreshToken()).isEqualTo("AQD-refresh-token");
    assertThat(alice.status()).isEqualTo(TokenStatus.CONNECTED);
    assertThat(alice.accessToken()).isNull();
    assertThat(alice.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void addingAgainReconnectsAUserWhoNeededIt() {
    store().put(UserTokens.connected("alice", "AQD-old", NOW).reconnectNeeded(NOW));

    run("AQD-new", "--user", "alice");

    assertThat(store().get("alice").orElseThrow().status()).isEqualTo(TokenStatus.CONNECTED);
    assertThat(store().get("alice").orElseThrow().refreshToken()).isEqualTo("AQD-new");
  }

  @Test
  void emptyInputIsRefused() {
    CommandRun run = run("", "--user=alice");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no refresh token on standard input");
    assertThat(store().users()).isEmpty();
  }

  @Test
  void tokenWithSpacesIsRefused() {
    assertThat(run("not a token", "--user=alice").err()).contains("printable ASCII");
  }

  @Test
  void userIsRequiredAndMustKeepTheUserIdRule() {
    assertThat(run("AQD").err()).contains("--user is required by --action=add");
    assertThat(run("AQD", "--user=../alice").err()).contains("user must be " + UserIds.RULE);
  }

  @Test
  void removeDeletesTheUser() {
    run("AQD-refresh-token", "--user=alice");

    assertThat(run("", "--action=remove", "--user=alice").exitCode()).isZero();

    assertThat(store().users()).isEmpty();
  }

  @Test
  void listReadsTheStoreWithoutChangingIt() {
    run("AQD-refresh-token", "--user=alice");

    CommandRun list = run("", "--action", "list");

    assertThat(list.log())
        .contains("INFO User alice: connected, access token valid until none yet.");
    assertThat(store().users().keySet()).containsExactly("alice");
  }

  @Test
  void unknownActionExits2NamingTheOption() {
    CommandRun run = run("", "--action=export");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: Invalid value for option '--action'");
  }

  @Test
  void helpListsTheOptionsAndTheKeyVariable() {
    CommandRun help = CommandRun.poller(Map.of(), "token", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("--action=action", "Default: add")
        .contains("--user=id")
        .contains("--token-file=file", "Env: POLLER_TOKEN_FILE")
        .contains("--data-dir=dir", "Env: DATA_DIR")
        .contains("POLLER_TOKEN_KEY")
        .doesNotContain("--poll-interval-ms");
  }

  @Test
  void theTokenFileVariableIsHonoured() {
    Map<String, String> env =
        Map.of(
            "POLLER_TOKEN_KEY", TestConfigs.TOKEN_KEY,
            "POLLER_TOKEN_FILE", dir.resolve("elsewhere.enc").toString());

    CommandRun run =
        CommandRun.poller(
            env,
            new ByteArrayInputStream("AQD-x".getBytes(StandardCharsets.UTF_8)),
            "token",
            "--user=alice");

    assertThat(run.exitCode()).isZero();
    assertThat(dir.resolve("elsewhere.enc")).exists();
  }
}
