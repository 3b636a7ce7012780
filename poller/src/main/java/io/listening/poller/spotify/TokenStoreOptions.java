package io.listening.poller.spotify;

import io.listening.poller.cli.DataDirOption;
import io.listening.poller.cli.Env;
import io.listening.poller.spotify.auth.TokenKey;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the encrypted token store is, for every command that opens it. */
public final class TokenStoreOptions {

  @Mixin DataDirOption dataDir;

  @Option(
      names = "--token-file",
      paramLabel = "file",
      showDefaultValue = Visibility.NEVER,
      description = "The encrypted token store. Default: <data-dir>/spotify-tokens.enc.")
  @Env("POLLER_TOKEN_FILE")
  Path tokenFile;

  public Path dataDir() {
    return dataDir.path();
  }

  public Path tokenFile() {
    return tokenFile != null ? tokenFile : dataDir().resolve("spotify-tokens.enc");
  }

  /**
   * The store's key, from the environment only.
   *
   * @throws IllegalArgumentException naming {@value PollerConfig#TOKEN_KEY_VARIABLE} when it is
   *     missing or malformed
   */
  public static TokenKey key(Map<String, String> env) {
    return TokenKey.fromBase64(
        env.get(PollerConfig.TOKEN_KEY_VARIABLE), PollerConfig.TOKEN_KEY_VARIABLE);
  }
}
