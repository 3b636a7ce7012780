package io.listening.events;

/**
 * Where the services of one machine are found when nothing is configured: the addresses the
 * platform's own launchers ({@code ops/kafka.sh}) use.
 */
public final class LocalDefaults {

  public static final String KAFKA_BOOTSTRAP_SERVERS = "127.0.0.1:19092";

  /** What starts that broker, for the messages that say Kafka did not answer. */
  public static final String KAFKA_START_COMMAND = "bash ops/kafka.sh start";

  private LocalDefaults() {}
}
