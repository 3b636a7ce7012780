package io.listening.events;

import java.util.List;

/** The Kafka topics of the platform, with the names the original design gave them. */
public final class Topics {

  public static final String PLAYS = "spotify-plays";
  public static final String SKIPS = "spotify-skips";
  public static final String LIKES = "spotify-likes";
  public static final String EVENTS = "spotify-events";

  /** Every topic the batch pipeline reads. */
  public static final List<String> ALL = List.of(PLAYS, SKIPS, LIKES, EVENTS);

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
