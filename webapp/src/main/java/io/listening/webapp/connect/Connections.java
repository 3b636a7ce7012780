package io.listening.webapp.connect;

import io.listening.poller.spotify.auth.TokenKey;
import io.listening.poller.spotify.auth.TokenStore;
import io.listening.poller.spotify.auth.UserTokens;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The connected users, in the poller's encrypted token store: the same file, format and locking as
 * {@code poller token} and the poller itself, through the poller's own {@link TokenStore}. The store
 * is opened on each use, so a key fixed in the environment or a file the poller rewrote is seen
 * without a restart; a missing or wrong key is a message on the page, not a failed start.
 */
@Component
class Connections {

  /** Named in messages: the variable that holds the key. */
  static final String TOKEN_KEY_VARIABLE = "POLLER_TOKEN_KEY";

  private final SpotifyConnectProperties properties;
  private final Clock clock;

  Connections(SpotifyConnectProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** Every user in the store, by user id. */
  List<Connection> list() {
    return open().users().values().stream()
        .map(tokens -> new Connection(tokens.userId(), tokens.isConnected(), tokens.updatedAt()))
        .toList();
  }

  /**
   * Stores a newly granted refresh token, replacing what the user had: a reconnect makes a user who
   * needed one connected again.
   */
  void connect(String userId, String refreshToken) {
    open().put(UserTokens.connected(userId, refreshToken, clock.instant()));
  }

  /** Fails fast, before anyone is sent to Spotify, when the token could not be stored afterwards. */
  void checkUsable() {
    open();
  }

  private TokenStore open() {
    TokenKey key;
    try {
      key = TokenKey.fromBase64(properties.tokenKey(), TOKEN_KEY_VARIABLE);
    } catch (IllegalArgumentException e) {
      throw new ConnectionStoreUnavailableException(e.getMessage());
    }
    try {
      return TokenStore.open(properties.tokenFile(), key);
    } catch (IllegalStateException | UncheckedIOException e) {
      // TokenStore's messages name the file and the fault and never quote its content.
      throw new ConnectionStoreUnavailableException(e.getMessage());
    }
  }
}
