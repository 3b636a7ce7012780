package io.listening.recommender.ranking;

/** Why a track is recommended, for people: the score component that contributed most. */
public enum Reason {
  YOU_PLAY_THIS_NEXT("You often play this after %s"),
  LISTENERS_ALSO_PLAY("Listeners of %s also play this"),
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
      case EVERYONE_TRANSITIONS, CO_OCCURRENCE -> LISTENERS_ALSO_PLAY;
      case SESSION_REPEAT -> EARLIER_IN_SESSION;
      case FAMILIARITY -> YOUR_REGULAR;
      case ARTIST_AFFINITY -> ARTIST_YOU_LIKE;
      case SAME_ARTIST -> SAME_ARTIST;
      case POPULARITY -> POPULAR;
    };
  }
}
