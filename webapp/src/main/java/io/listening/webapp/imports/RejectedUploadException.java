package io.listening.webapp.imports;

/** An upload that is not imported at all; the message says why, naming the file. */
class RejectedUploadException extends RuntimeException {

  RejectedUploadException(String message) {
    super(message);
  }
}
