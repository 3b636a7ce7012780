package io.listening.webapp.dashboard;

/** A filter in the URL that cannot be read; the message says which parameter and why. */
public class InvalidFilterException extends RuntimeException {

  InvalidFilterException(String message) {
    super(message);
  }
}
