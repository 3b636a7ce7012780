package io.listening.webapp.recommendations;

import io.listening.events.TrackIds;

/**
 * A track id that follows the event contract's rule ({@link TrackIds#RULE}). Request parameters are
 * checked with {@link ValidTrackId} before one is built, so a malformed value here is a bug.
 */
record TrackId(String value) {

  TrackId {
    if (!TrackIds.isValid(value)) {
      throw new IllegalArgumentException(
          "Not a track id: '" + value + "'; a track id is " + TrackIds.RULE);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
