package io.listening.poller.exports;

import io.listening.events.PlayEvent;

/** What one export record turned out to be. */
sealed interface MappedRecord {

  /** A music play, ready to publish ({@code ingested_at} is stamped by the publisher). */
  record Music(PlayEvent event) implements MappedRecord {}

  /** A podcast episode or audiobook chapter: kept out of music plays on purpose. */
  record NonMusic(String kind) implements MappedRecord {}

  /**
   * A record that cannot become an event.
   *
   * @param reason the category the summary counts, without record values
   * @param detail the reason with the offending value, for the log
   */
  record Rejected(String reason, String detail) implements MappedRecord {

    static Rejected because(String reason) {
      return new Rejected(reason, reason);
    }
  }
}
