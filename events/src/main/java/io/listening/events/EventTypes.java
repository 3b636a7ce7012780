package io.listening.events;

import java.util.Set;

/** The values {@code event_type} may take. */
public final class EventTypes {

  public static final String PLAY = "play";
  public static final String SKIP = "skip";
  public static final String LIKE = "like";
  public static final String PAUSE = "pause";
  public static final String RESUME = "resume";
  public static final String SEEK = "seek";

  public static final Set<String> ALL = Set.of(PLAY, SKIP, LIKE, PAUSE, RESUME, SEEK);

  private EventTypes() {}
}
