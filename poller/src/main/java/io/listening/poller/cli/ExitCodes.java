package io.listening.poller.cli;

/**
 * How a command ends, for scripts, systemd and Airflow to tell apart. The batch pipeline uses the
 * same codes.
 */
public final class ExitCodes {

  public static final int OK = 0;

  /** The command ran and failed; the log says why in one sentence. */
  public static final int FAILED = 1;

  /** Bad arguments or configuration: nothing was done. */
  public static final int USAGE = 2;

  /** A service the command needs (Kafka) did not answer: nothing was done. */
  public static final int UNAVAILABLE = 3;

  private ExitCodes() {}
}
