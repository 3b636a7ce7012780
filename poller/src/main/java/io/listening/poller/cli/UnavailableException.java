package io.listening.poller.cli;

/**
 * A service the command needs did not answer, so nothing was done; the message is one sentence
 * that names the service, where it was looked for and how to start it. Exits with {@link
 * ExitCodes#UNAVAILABLE}.
 */
public class UnavailableException extends RuntimeException {

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
