package io.listening.events;

import java.util.regex.Pattern;

/**
 * User identifiers: chosen by whoever runs the platform (an import's {@code --user}, a poller's
 * configured user) and used as Kafka keys and as file names of per-user state, so the rule keeps
 * them safe as both.
 */
public final class UserIds {

  /** The rule as a regular expression, for validators and API descriptions that take one. */
  public static final String PATTERN = "[\\p{L}\\p{N}_@+-][\\p{L}\\p{N}._@+-]{0,127}";

  private static final Pattern SAFE = Pattern.compile(PATTERN);

  /** The rule, in words, for error messages. */
  public static final String RULE =
      "1 to 128 letters, digits and . _ @ + - characters, not starting with a dot";

  private UserIds() {}

  public static boolean isValid(String userId) {
    return userId != null && SAFE.matcher(userId).matches();
  }
}
