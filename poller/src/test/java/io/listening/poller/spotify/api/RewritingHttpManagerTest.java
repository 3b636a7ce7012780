package io.listening.poller.spotify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import se.michaelthelin.spotify.SpotifyHttpManager;

class RewritingHttpManagerTest {

  private final RewritingHttpManager manager =
      new RewritingHttpManager(
          new SpotifyHttpManager.Builder().build(), URI.create("http://127.0.0.1:4567"));

  @Test
  void tokenRequestsGoToTheConfiguredAccountsUrl() {
    assertThat(manager.rewrite(URI.create("https://accounts.spotify.com:443/api/token")))
        .isEqualTo(URI.create("http://127.0.0.1:4567/api/token"));
  }

  @Test
  void otherRequestsAreUntouched() {
    URI api = URI.create("http://127.0.0.1:9999/v1/me/player/recently-played?limit=50&after=17");

    assertThat(manager.rewrite(api)).isSameAs(api);
  }
}
