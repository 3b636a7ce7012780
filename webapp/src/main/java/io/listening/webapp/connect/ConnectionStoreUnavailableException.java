package io.listening.webapp.connect;

/** The token store cannot be used: no key, a wrong key, or an unreadable file. Says which. */
class ConnectionStoreUnavailableException extends RuntimeException {

  ConnectionStoreUnavailableException(String message) {
    super(message);
  }
}
