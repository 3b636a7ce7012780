package io.listening.recommender.ranking;

/** The parts a recommendation's score is made of; the API returns each one. */
public enum Component {
  /** What this listener plays after the seed and, decayed, after the recent tracks. */
  USER_TRANSITIONS("user_transitions"),
  /** What followed the seed the last few times this listener played it (recent sessions weigh most). */
  USER_RECENT_TRANSITIONS("user_recent_transitions"),
  /**
   * What followed the seed the last few times this listener played it, however long ago: the
   * latest time weighs most (a replay of the previous occurrence).
   */
  USER_REPLAY("user_replay"),
  /**
   * What this listener played after the seed when it came right after the latest recent track: a
   * sequential rule keyed by the last two tracks, recent sessions weighing most.
   */
  USER_SEQUENCE("user_sequence"),
  /** What everyone plays after the seed and, decayed, after the recent tracks. */
  EVERYONE_TRANSITIONS("everyone_transitions"),
  /**
   * What this listener plays a few plays before or after the seed and, decayed, the recent tracks,
   * the closest weighing most: their playlists and albums, shuffled or not.
   */
  USER_NEIGHBOURS("user_neighbours"),
  /** How often everyone plays the track near the seed (gold.track_co_occurrence). */
  CO_OCCURRENCE("co_occurrence"),
  /** The track was among the recent tracks of this session: people replay. */
  SESSION_REPEAT("session_repeat"),
  /** How much and how lately the listener played the track. */
  FAMILIARITY("familiarity"),
  /** The listener's affinity for the track's artist. */
  ARTIST_AFFINITY("artist_affinity"),
  /** The track is by the seed's artist. */
  SAME_ARTIST("same_artist"),
  /** A popular track added when the evidence ran out (cold start or a short list). */
  POPULARITY("popularity");

  private final String key;

  Component(String key) {
    this.key = key;
  }

  /** The name in the API's JSON. */
  public String key() {
    return key;
  }
}
