package io.listening.poller.spotify.auth;

import io.listening.poller.spotify.PollerConfig;
import io.listening.events.UserIds;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class TokenCommand {

  private static final Logger LOG = LoggerFactory.getLogger(TokenCommand.class);

  private TokenCommand() {}

  public static void run(Map<String, String> env, Map<String, String> args) {
    run(env, args, System.in, System.console(), Clock.systemUTC());
  }

  static void run(
      Map<String, String> env,
      Map<String, String> args,
      InputStream stdin,
      Console console,
      Clock clock) {
    PollerConfig config = PollerConfig.fromEnv(env, args);
    TokenStore store = TokenStore.open(config.tokenFile(), config.tokenKey());
    String action = args.getOrDefault("action", "add");
    switch (action) {
      case "add" -> {
        String user = requireUser(args);
        String refreshToken = readToken(user, stdin, console);
        store.put(UserTokens.connected(user, refreshToken, clock.instant()));
        LOG.info(
            "Stored a refresh token for user {} in {}; {} users in the store.",
            user,
            store.file(),
            store.users().size());
      }
      case "remove" -> {
        String user = requireUser(args);
        boolean removed = store.remove(user);
        LOG.info(
            removed ? "Removed user {} from {}." : "User {} was not in {}; nothing changed.",
            user,
            store.file());
      }
      case "list" -> {
        Map<String, UserTokens> users = store.users();
        LOG.info("{} users in {}.", users.size(), store.file());
        for (UserTokens tokens : users.values()) {
          LOG.info(
              "User {}: {}, access token valid until {}.",
              tokens.userId(),
              tokens.status().value(),
              tokens.accessTokenExpiresAt() == null ? "none yet" : tokens.accessTokenExpiresAt());
        }
      }
      default ->
          throw new IllegalArgumentException(
              "action must be add, remove or list, got '" + action + "'");
    }
  }

  private static String requireUser(Map<String, String> args) {
    String user = args.get("user");
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("--user is required: the id of the person connecting");
    }
    if (!UserIds.isValid(user)) {
      throw new IllegalArgumentException("user must be " + UserIds.RULE + ", got '" + user + "'");
    }
    return user;
  }

  private static String readToken(String user, InputStream stdin, Console console) {
    String token;
    if (console != null) {
      char[] typed = console.readPassword("Spotify refresh token for %s: ", user);
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
              + user
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
