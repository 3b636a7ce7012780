package io.listening.poller;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Reads one setting from {@code --name=value} arguments, else {@code PREFIX_NAME} variables. */
public final class Settings {

  private final Map<String, String> env;
  private final Map<String, String> args;
  private final String envPrefix;

  public Settings(Map<String, String> env, Map<String, String> args, String envPrefix) {
    this.env = env;
    this.args = args;
    this.envPrefix = envPrefix;
  }

  public String raw(String name) {
    String fromArgs = args.get(name);
    if (fromArgs != null) {
      return fromArgs;
    }
    return env.get(envPrefix + name.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  public long longValue(String name, long fallback) {
    String value = raw(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
    }
  }

  public int intValue(String name, int fallback) {
    long value = longValue(name, fallback);
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      throw new IllegalArgumentException(name + " is out of range: " + value);
    }
    return (int) value;
  }

  public LocalDate dateValue(String name, LocalDate fallback) {
    String value = raw(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date like 2024-06-01, got '" + value + "'");
    }
  }
}
