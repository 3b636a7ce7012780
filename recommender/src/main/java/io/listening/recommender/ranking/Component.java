package io.listening.recommender.ranking;

/** The parts a recommendation's score is made of; the API returns each one. */
public enum Component {
  /** What this listener plays after the seed and, decayed, after the recent tracks. */
  USER_TRANSITIONS("user_transitions"),
  /** What everyone plays after the seed and, decayed, after the recent tracks. */
  EVERYONE_TRANSITIONS("everyone_transitions"),
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
