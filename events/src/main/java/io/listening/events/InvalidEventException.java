package io.listening.events;

/** A listening event that cannot be read or breaks the contract; the message is the reason. */
public class InvalidEventException extends RuntimeException {

  public InvalidEventException(String reason) {
    super(reason);
  }

  public InvalidEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
