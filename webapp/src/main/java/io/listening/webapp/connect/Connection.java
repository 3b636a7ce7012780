package io.listening.webapp.connect;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One user of the token store as the Connections page shows it: never a token.
 *
 * @param userId the platform's user id (the Spotify account's id when connected from the browser)
 * @param connected false when Spotify rejected the refresh token and the user must reconnect
 * @param updatedAt when the entry last changed
 */
record Connection(String userId, boolean connected, @Nullable Instant updatedAt) {

  String statusText() {
    return connected ? "connected" : "reconnect needed";
  }
}
