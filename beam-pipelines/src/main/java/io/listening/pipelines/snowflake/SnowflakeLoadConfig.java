package io.listening.pipelines.snowflake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The checked settings of a Snowflake load, built from {@link SnowflakeLoadOptions} and the
 * environment before any batch runs, so a wrong setting costs no Kafka read.
 */
record SnowflakeLoadConfig(
    String url,
    String user,
    String role,
    String warehouse,
    String database,
    String schema,
    String table,
    String stagingTable,
    String deadLetterTable,
    String stage,
    Credentials credentials,
    int loginTimeoutSeconds) {

  static final String URL_PREFIX = "jdbc:snowflake://";

  /** Unquoted Snowflake identifiers only: they go into SQL text, so nothing else may pass. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,254}");

  /** Password or key pair; {@code toString} never shows the secret. */
  sealed interface Credentials permits Password, KeyPair {}

  record Password(String password) implements Credentials {
    @Override
    public String toString() {
      return "Password[hidden]";
    }
  }

  record KeyPair(Path privateKeyFile, String passphrase) implements Credentials {
    @Override
    public String toString() {
      return "KeyPair[" + privateKeyFile + (passphrase == null ? "" : ", passphrase hidden") + "]";
    }
  }

  /** Empty when {@code --snowflakeUrl} is not set; otherwise checked settings or an exception. */
  static Optional<SnowflakeLoadConfig> of(SnowflakeLoadOptions options, UnaryOperator<String> env) {
    String url = blankToNull(options.getSnowflakeUrl());
    if (url == null) {
      return Optional.empty();
    }
    if (!url.startsWith(URL_PREFIX)) {
      throw new IllegalArgumentException(
          "--snowflakeUrl must be a Snowflake JDBC URL such as "
              + URL_PREFIX + "<account>.snowflakecomputing.com/, got '" + url + "'");
    }
    if (options.getSnowflakeLoginTimeoutSeconds() < 1) {
      throw new IllegalArgumentException(
          "--snowflakeLoginTimeoutSeconds must be at least 1, got " + options.getSnowflakeLoginTimeoutSeconds());
    }
    return Optional.of(
        new SnowflakeLoadConfig(
            url,
            required("--snowflakeUser", options.getSnowflakeUser()),
            identifier("--snowflakeRole", options.getSnowflakeRole()),
            identifier("--snowflakeWarehouse", options.getSnowflakeWarehouse()),
            identifier("--snowflakeDatabase", options.getSnowflakeDatabase()),
            identifier("--snowflakeSchema", options.getSnowflakeSchema()),
            identifier("--snowflakeTable", options.getSnowflakeTable()),
            identifier("--snowflakeStagingTable", options.getSnowflakeStagingTable()),
            identifier("--snowflakeDeadLetterTable", options.getSnowflakeDeadLetterTable()),
            identifier("--snowflakeStage", options.getSnowflakeStage()),
            credentials(options, env),
            options.getSnowflakeLoginTimeoutSeconds()));
  }

  /** {@code DATABASE.SCHEMA.NAME}, upper case as Snowflake stores unquoted names. */
  String qualified(String name) {
    return (database + "." + schema + "." + name).toUpperCase(Locale.ROOT);
  }

  /** Connection properties for the Snowflake JDBC driver. */
  Properties connectionProperties() {
    Properties properties = new Properties();
    properties.put("user", user);
    if (credentials instanceof Password p) {
      properties.put("password", p.password());
    } else if (credentials instanceof KeyPair k) {
      properties.put("private_key_file", k.privateKeyFile().toString());
      if (k.passphrase() != null) {
        properties.put("private_key_file_pwd", k.passphrase());
      }
    }
    properties.put("role", role);
    properties.put("warehouse", warehouse);
    properties.put("db", database);
    properties.put("schema", schema);
    properties.put("loginTimeout", Integer.toString(loginTimeoutSeconds));
    // JSON results: the driver's Arrow reader needs java.nio opened on Java 17, which only the
    // jar's manifest (for `java -jar`) does; `flink run` and other launchers do not. Snowflake
    // honours this; fakesnow always answers in Arrow.
    properties.put("JDBC_QUERY_RESULT_FORMAT", "JSON");
    // Lake timestamps are UTC instants; a UTC session keeps every conversion of them in UTC.
    properties.put("TIMEZONE", "UTC");
    properties.put("QUERY_TAG", "listening-kafka-to-lake");
    // The driver otherwise probes cloud metadata endpoints at every login (for workload identity
    // we do not use), which costs seconds and logs errors off the cloud.
    properties.put("disablePlatformDetection", "true");
    return properties;
  }

  private static Credentials credentials(SnowflakeLoadOptions options, UnaryOperator<String> env) {
    String keyFile = blankToNull(options.getSnowflakePrivateKeyFile());
    if (keyFile != null) {
      Path path = Path.of(keyFile);
      if (!Files.isReadable(path)) {
        throw new IllegalArgumentException(
            "--snowflakePrivateKeyFile " + path + " does not exist or cannot be read");
      }
      String passphraseEnv = required("--snowflakePrivateKeyPassphraseEnv", options.getSnowflakePrivateKeyPassphraseEnv());
      return new KeyPair(path, blankToNull(env.apply(passphraseEnv)));
    }
    String passwordEnv = required("--snowflakePasswordEnv", options.getSnowflakePasswordEnv());
    String password = blankToNull(env.apply(passwordEnv));
    if (password == null) {
      throw new IllegalArgumentException(
          "--snowflakeUrl is set but the environment variable " + passwordEnv
              + " (named by --snowflakePasswordEnv) holds no password; set it, or give"
              + " --snowflakePrivateKeyFile for key-pair authentication");
    }
    return new Password(password);
  }

  private static String identifier(String option, String value) {
    String name = required(option, value);
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          option + " must be a plain Snowflake identifier (letters, digits, _ and $, not starting"
              + " with a digit), got '" + name + "'");
    }
    return name;
  }

  private static String required(String option, String value) {
    String v = blankToNull(value);
    if (v == null) {
      throw new IllegalArgumentException(option + " must not be empty when --snowflakeUrl is set");
    }
    return v;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
