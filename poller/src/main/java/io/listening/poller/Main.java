package io.listening.poller;

import io.listening.poller.exports.ImportCommand;
import io.listening.poller.simulator.SimulateCommand;
import io.listening.poller.spotify.auth.TokenCommand;
import io.listening.poller.spotify.backfill.RecentlyPlayedCommand;
import io.listening.poller.spotify.playback.PollCommand;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command line entry point of the event sources.
 *
 * <pre>
 * java -jar poller.jar simulate [--users=50] [--days=30] [--seed=42] [--max-events=100000]
 * java -jar poller.jar import --path=my_spotify_data.zip --user=alice
 * java -jar poller.jar poll
 * java -jar poller.jar recently-played
 * </pre>
 *
 * Every {@code --name=value} can also be given as an environment variable (see the module README).
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final String USAGE =
      """
      usage: poller simulate [--name=value ...]
             poller import --path=<export folder|zip> --user=<id> [--name=value ...]
             poller poll                      (daemon: Spotify currently-playing every 5 s)
             poller recently-played           (one backfill run for every connected user)
             poller token --user=<id> < refresh-token.txt
      (see poller/README.md)""";

  private Main() {}

  public static void main(String[] argv) {
    if (argv.length == 0) {
      System.err.println(USAGE);
      System.exit(2);
    }
    try {
      Map<String, String> args = parseArgs(Arrays.copyOfRange(argv, 1, argv.length));
      switch (argv[0]) {
        case "simulate" -> SimulateCommand.run(System.getenv(), args);
        case "import" -> ImportCommand.run(System.getenv(), args);
        case "poll" -> PollCommand.run(System.getenv(), args);
        case "recently-played" -> RecentlyPlayedCommand.run(System.getenv(), args);
        case "token" -> TokenCommand.run(System.getenv(), args);
        default -> {
          System.err.println("unknown command '" + argv[0] + "'\n" + USAGE);
          System.exit(2);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    } catch (RuntimeException e) {
      LOG.error("{} failed: {}", argv[0], e.getMessage(), e);
      System.exit(1);
    }
  }

  static Map<String, String> parseArgs(String[] argv) {
    Map<String, String> args = new LinkedHashMap<>();
    for (String arg : argv) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("arguments look like --name=value, got '" + arg + "'");
      }
      int equals = arg.indexOf('=');
      args.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    return args;
  }
}
