package io.listening.poller.spotify.auth;

import io.listening.events.UserIds;
import io.listening.poller.cli.Version;
import io.listening.poller.spotify.TokenStoreOptions;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code poller token}: manages the token store from the command line, so people can connect
 * Spotify before the web app's "connect Spotify" flow exists.
 *
 * <pre>
 * poller token --user=alice                 # reads alice's refresh token from standard input
 * poller token --action=list                # users and their status, never the tokens
 * poller token --action=remove --user=alice
 * </pre>
 *
 * The refresh token is read from standard input (without echo on a terminal), never from an
 * argument, because arguments show up in process listings and shell history.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    versionProvider = Version.class,
    description = {
      "Adds, lists or removes users of the encrypted Spotify token store.",
      "add reads the user's refresh token from standard input, never from an argument; list"
          + " shows users and their status, never tokens.",
      "Needs POLLER_TOKEN_KEY in the environment."
    })
public final class TokenCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(TokenCommand.class);

  /** What to do with the store. */
  enum Action {
    ADD,
    REMOVE,
    LIST
  }

  @Option(
      names = "--action",
      paramLabel = "action",
      defaultValue = "add",
      description = "add, remove or list.")
  Action action;

  @Option(
      names = "--user",
      paramLabel = "id",
      description = "The person connecting; required by add and remove.")
  String user;

  @Mixin TokenStoreOptions store;

  private final Map<String, String> env;
  private final InputStream stdin;
  private final Console console;
  private final Clock clock;

  /**
   * @param env where the store's key is read from
   * @param console the terminal to read the token from without echo, or null to read {@code
   *     stdin}
   */
  public TokenCommand(Map<String, String> env, InputStream stdin, Console console, Clock clock) {
    this.env = env;
    this.stdin = stdin;
    this.console = console;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    TokenStore tokens = TokenStore.open(store.tokenFile(), TokenStoreOptions.key(env));
    switch (action) {
      case ADD -> {
        String userId = requireUser();
        String refreshToken = readToken(userId);
        tokens.put(UserTokens.connected(userId, refreshToken, clock.instant()));
        LOG.info(
            "Stored a refresh token for user {} in {}; {} users in the store.",
            userId,
            tokens.file(),
            tokens.users().size());
      }
      case REMOVE -> {
        String userId = requireUser();
        boolean removed = tokens.remove(userId);
        LOG.info(
            removed ? "Removed user {} from {}." : "User {} was not in {}; nothing changed.",
            userId,
            tokens.file());
      }
      case LIST -> {
        Map<String, UserTokens> users = tokens.users();
        LOG.info("{} users in {}.", users.size(), tokens.file());
        for (UserTokens user : users.values()) {
          LOG.info(
              "User {}: {}, access token valid until {}.",
              user.userId(),
              user.status().value(),
              user.accessTokenExpiresAt() == null ? "none yet" : user.accessTokenExpiresAt());
        }
      }
    }
    return 0;
  }

  private String requireUser() {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException(
          "--user is required by --action="
              + action.name().toLowerCase(Locale.ROOT)
              + ": the id of the person connecting");
    }
    if (!UserIds.isValid(user)) {
      throw new IllegalArgumentException("user must be " + UserIds.RULE + ", got '" + user + "'");
    }
    return user;
  }

  private String readToken(String userId) {
    String token;
    if (console != null) {
      char[] typed = console.readPassword("Spotify refresh token for %s: ", userId);
      token = typed == null ? null : new String(typed);
    } else {
      try {
        token = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the refresh token from standard input", e);
      }
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "no refresh token on standard input; pipe it in, e.g. poller token --user="
              + userId
              + " < token.txt");
    }
    token = token.strip();
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "the refresh token must be one line of printable ASCII without spaces");
    }
    return token;
  }
}
