package io.listening.pipelines.snowflake;

/**
 * A Snowflake load failed and was rolled back: the message is one sentence for the operator (what
 * failed, that Snowflake is unchanged, what to do), so the command line can print it without a trace.
 */
public final class SnowflakeLoadException extends RuntimeException {

  SnowflakeLoadException(String message, Throwable cause) {
    super(message, cause);
  }

  SnowflakeLoadException(String message) {
    super(message);
  }
}
