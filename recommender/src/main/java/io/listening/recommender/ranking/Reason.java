package io.listening.recommender.ranking;

/** Why a track is recommended, for people: the score component that contributed most. */
public enum Reason {
  YOU_PLAY_THIS_NEXT("You often play this after %s"),
  YOU_PLAYED_THIS_NEXT_LATELY("You played this after %s in your recent sessions"),
  YOU_PLAYED_THIS_NEXT_LAST_TIME("You played this after %s the last times you played it"),
  CONTINUES_YOUR_SEQUENCE("Comes next when you play %s after the track before it"),
  LISTENERS_ALSO_PLAY("Listeners of %s also play this"),
  IN_YOUR_SESSIONS_WITH("You often play this in the same session as %s"),
  EARLIER_IN_SESSION("You played this earlier in this session"),
  YOUR_REGULAR("One of your regular tracks lately"),
  ARTIST_YOU_LIKE("By an artist you listen to a lot"),
  SAME_ARTIST("More by the artist of %s"),
  POPULAR_BY_ARTIST("Popular track by the artist of %s"),
  POPULAR("Popular with everyone");

  private final String template;

  Reason(String template) {
    this.template = template;
  }

  /** The sentence, naming the seed where it matters (its track name, or its id). */
  public String describe(String seedName) {
    return template.contains("%s") ? template.formatted(seedName) : template;
  }

  static Reason of(Component component) {
    return switch (component) {
      case USER_TRANSITIONS -> YOU_PLAY_THIS_NEXT;
      case USER_RECENT_TRANSITIONS -> YOU_PLAYED_THIS_NEXT_LATELY;
      case USER_REPLAY -> YOU_PLAYED_THIS_NEXT_LAST_TIME;
      case USER_SEQUENCE -> CONTINUES_YOUR_SEQUENCE;
      case EVERYONE_TRANSITIONS, CO_OCCURRENCE -> LISTENERS_ALSO_PLAY;
      case USER_NEIGHBOURS -> IN_YOUR_SESSIONS_WITH;
      case SESSION_REPEAT -> EARLIER_IN_SESSION;
      case FAMILIARITY -> YOUR_REGULAR;
      case ARTIST_AFFINITY -> ARTIST_YOU_LIKE;
      case SAME_ARTIST -> SAME_ARTIST;
      case POPULARITY -> POPULAR;
    };
  }
}
