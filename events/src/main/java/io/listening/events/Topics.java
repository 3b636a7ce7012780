package io.listening.events;

import java.util.List;

/** The Kafka topics of the platform, with the names the original design gave them. */
public final class Topics {

  public static final String PLAYS = "spotify-plays";
  /** Holds the {@link EventTypes#SKIP} records of earlier producers; nothing new is written here. */
  public static final String SKIPS = "spotify-skips";
  public static final String LIKES = "spotify-likes";
  public static final String EVENTS = "spotify-events";

  /** Compacted, keyed by user: the latest playback state of each user (not read by the batch). */
  public static final String NOW_PLAYING = "spotify-now-playing";

  /**
   * Every topic the batch pipeline reads, comma-separated: a constant expression, so that option
   * annotations can name it as their default.
   */
  public static final String BATCH_TOPICS = PLAYS + "," + SKIPS + "," + LIKES + "," + EVENTS;

  /** Every topic the batch pipeline reads. */
  public static final List<String> ALL = List.of(BATCH_TOPICS.split(","));

  private Topics() {}

  public static String forEventType(String eventType) {
    if (eventType == null) {
      return EVENTS;
    }
    return switch (eventType) {
      case EventTypes.PLAY -> PLAYS;
      case EventTypes.SKIP -> SKIPS;
      case EventTypes.LIKE -> LIKES;
      default -> EVENTS;
    };
  }
}
