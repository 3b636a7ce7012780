package io.listening.poller.spotify;

import io.listening.events.PlayEvent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Configurations pointing at a {@link SpotifyStandInServer}, and plays, for the Spotify tests. */
public final class TestConfigs {

  /** A fixed test key: 32 bytes, base64. */
  public static final String TOKEN_KEY =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  private TestConfigs() {}

  public static Map<String, String> env(Path dataDir, URI standIn) {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dataDir.toString());
    env.put("POLLER_TOKEN_KEY", TOKEN_KEY);
    env.put("POLLER_SPOTIFY_CLIENT_ID", SpotifyStandInServer.CLIENT_ID);
    env.put("POLLER_SPOTIFY_CLIENT_SECRET", SpotifyStandInServer.CLIENT_SECRET);
    env.put("POLLER_SPOTIFY_API_URL", standIn.toString());
    env.put("POLLER_SPOTIFY_ACCOUNTS_URL", standIn.toString());
    env.put("POLLER_HTTP_TIMEOUT_MS", "2000");
    return env;
  }

  public static PollerConfig config(Path dataDir, URI standIn) {
    return PollerConfig.fromEnv(env(dataDir, standIn));
  }

  public static PollerConfig config(Path dataDir, URI standIn, Map<String, String> overrides) {
    Map<String, String> env = env(dataDir, standIn);
    env.putAll(overrides);
    return PollerConfig.fromEnv(env);
  }

  /** A three-minute play of {@code alice} with only the fields play matching looks at. */
  public static PlayEvent play(String source, String trackId, Instant playedAt) {
    return new PlayEvent(
        "id", "play", "alice", trackId, "name", "artist", null, 180_000L, 180_000, playedAt, null,
        null, null, null, null, null, null, null, source, null);
  }
}
