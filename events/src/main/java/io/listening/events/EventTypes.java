package io.listening.events;

import java.util.Set;

/** The values {@code event_type} may take. */
public final class EventTypes {

  /** One stream of a track, of any length: whether it counts as a play is decided downstream. */
  public static final String PLAY = "play";

  /**
   * A short stream, as producers wrote it before they stopped applying a play threshold of their
   * own. No producer writes it any more; it stays valid so that records already in Kafka and the
   * lake keep their meaning, and the warehouse reads it exactly like {@link #PLAY}.
   */
  public static final String SKIP = "skip";

  public static final String LIKE = "like";
  public static final String PAUSE = "pause";
  public static final String RESUME = "resume";
  public static final String SEEK = "seek";

  public static final Set<String> ALL = Set.of(PLAY, SKIP, LIKE, PAUSE, RESUME, SEEK);

  /** The types that are streams of a track: the ones the warehouse counts and times. */
  public static final Set<String> LISTENING = Set.of(PLAY, SKIP);

  private EventTypes() {}
}
