package io.listening.pipelines.ingest;

import io.listening.pipelines.kafka.OffsetRangeReader.KafkaReadStalledException;

/** Turns a failed run's exception, wrapped by whichever runner ran it, into one sentence. */
final class BatchFailure {

  private BatchFailure() {}

  static String describe(Throwable failure) {
    String deepest = failure.toString();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof KafkaReadStalledException) {
        return cause.getMessage();
      }
      if (cause.getMessage() != null) {
        deepest = cause.getMessage();
      }
    }
    return deepest;
  }
}
