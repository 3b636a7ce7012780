package io.listening.poller.exports;

/**
 * An export file that stops being readable part-way: invalid JSON, a truncated file, or something
 * other than an array of records. The records before the break were read normally.
 */
final class BrokenExportException extends Exception {

  private final long recordIndex;

  BrokenExportException(String message, long recordIndex, Throwable cause) {
    super(message, cause);
    this.recordIndex = recordIndex;
  }

  /** Index (from 0) of the record that could not be read; every record before it was read. */
  long recordIndex() {
    return recordIndex;
  }
}
