package io.listening.recommender.ranking;

/**
 * The served model's weights: how much each {@link Component} counts, and how fast the recent
 * tracks' transitions fade with every step back. {@link #SERVED} is what the API uses; it was
 * chosen on a validation period carved from the end of the training plays (recommender/README.md,
 * "Choosing the weights"), never on the test period.
 *
 * @param contextDecay the weight of the transitions from the k-th recent track is contextDecay^k
 *     (the seed's are 1)
 */
public record BlendWeights(
    double userTransitions,
    double everyoneTransitions,
    double coOccurrence,
    double sessionRepeat,
    double familiarity,
    double artistAffinity,
    double sameArtist,
    double contextDecay) {

  /**
   * The weights the API serves: the weight tuner's choice on the validation period of the eight
   * exports (docs/recommendations.md), starting from hand-set weights (1, 0.3, 0.1, 0.3, 0.2, 0.05,
   * 0.05, 0.5). Co-occurrence and replays of the session's tracks added nothing there once the
   * transitions were in.
   */
  public static final BlendWeights SERVED =
      new BlendWeights(1.0, 1.2, 0.0, 0.0, 0.05, 0.05, 0.15, 0.5);

  public BlendWeights {
    for (double weight :
        new double[] {
          userTransitions, everyoneTransitions, coOccurrence, sessionRepeat, familiarity,
          artistAffinity, sameArtist, contextDecay
        }) {
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("blend weights must be finite and >= 0");
      }
    }
  }

  double of(Component component) {
    return switch (component) {
      case USER_TRANSITIONS -> userTransitions;
      case EVERYONE_TRANSITIONS -> everyoneTransitions;
      case CO_OCCURRENCE -> coOccurrence;
      case SESSION_REPEAT -> sessionRepeat;
      case FAMILIARITY -> familiarity;
      case ARTIST_AFFINITY -> artistAffinity;
      case SAME_ARTIST -> sameArtist;
      case POPULARITY -> 0;
    };
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "user %.2f, everyone %.2f, co-occurrence %.2f, repeat %.2f, familiarity %.2f, artist %.2f,"
            + " same artist %.2f, context decay %.2f",
        userTransitions, everyoneTransitions, coOccurrence, sessionRepeat, familiarity,
        artistAffinity, sameArtist, contextDecay);
  }
}
