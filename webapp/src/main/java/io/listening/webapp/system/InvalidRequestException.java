package io.listening.webapp.system;

/** A request parameter breaks a rule; the message states the rule and becomes the 400 answer. */
public class InvalidRequestException extends RuntimeException {

  public InvalidRequestException(String rule) {
    super(rule);
  }
}
