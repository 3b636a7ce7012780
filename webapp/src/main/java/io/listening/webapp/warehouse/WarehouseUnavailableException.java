package io.listening.webapp.warehouse;

/**
 * The warehouse cannot answer: no build has been published yet, or the published file cannot be
 * read. The message is meant for the client and names the file.
 */
public class WarehouseUnavailableException extends RuntimeException {

  public WarehouseUnavailableException(String message) {
    super(message);
  }

  WarehouseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
