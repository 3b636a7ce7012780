package io.listening.webapp.recommendations;

/** A well-formed track id that the current warehouse build does not know. */
public class TrackNotFoundException extends RuntimeException {

  TrackNotFoundException(TrackId trackId) {
    super("Track " + trackId + " is not in the warehouse");
  }
}
