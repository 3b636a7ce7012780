package io.listening.poller.spotify;

import io.listening.events.UserIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where each user's state lives under the state folder:
 *
 * <pre>
 * users/&lt;user&gt;/playback.json                the poller's tracker state
 * users/&lt;user&gt;/poller-plays.json            plays the poller published lately
 * users/&lt;user&gt;/recently-played-cursor.json  how far the backfill got
 * </pre>
 *
 * A user id that keeps {@link UserIds}' rule names its folder as it is; any other id (one stored
 * before the rule, or by another writer) is replaced by a hash so it can never escape the state
 * folder.
 */
public final class UserFiles {

  private final Path usersDir;

  public UserFiles(Path stateDir) {
    this.usersDir = stateDir.resolve("users");
  }

  public Path playback(String userId) {
    return dir(userId).resolve("playback.json");
  }

  public Path pollerPlays(String userId) {
    return dir(userId).resolve("poller-plays.json");
  }

  public Path recentlyPlayedCursor(String userId) {
    return dir(userId).resolve("recently-played-cursor.json");
  }

  private Path dir(String userId) {
    return usersDir.resolve(UserIds.isValid(userId) ? userId : "user-" + hash(userId));
  }

  private static String hash(String userId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
