package io.listening.poller.spotify;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.poller.spotify.backfill.RecentlyPlayedCommand;
import io.listening.poller.spotify.playback.PollCommand;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands refuse to start without their required settings, naming what is missing. */
class CommandsTest {

  @TempDir Path dir;

  @Test
  void pollWithoutTokenKeyFailsNamingIt() {
    assertThatThrownBy(() -> PollCommand.run(Map.of("DATA_DIR", dir.toString()), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("POLLER_TOKEN_KEY");
  }

  @Test
  void pollWithoutClientSecretFailsNamingIt() {
    Map<String, String> env =
        Map.of(
            "DATA_DIR",
            dir.toString(),
            "POLLER_TOKEN_KEY",
            TestConfigs.TOKEN_KEY,
            "POLLER_SPOTIFY_CLIENT_ID",
            "app");

    assertThatThrownBy(() -> PollCommand.run(env, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("POLLER_SPOTIFY_CLIENT_SECRET");
  }

  @Test
  void recentlyPlayedWithoutClientIdFailsNamingIt() {
    Map<String, String> env =
        Map.of("DATA_DIR", dir.toString(), "POLLER_TOKEN_KEY", TestConfigs.TOKEN_KEY);

    assertThatThrownBy(() -> RecentlyPlayedCommand.run(env, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("POLLER_SPOTIFY_CLIENT_ID");
  }
}
