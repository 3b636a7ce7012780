package io.listening.recommender.ranking;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The served model's weights: how much each {@link Component} counts, and how fast the recent
 * tracks' transitions fade with every step back. {@link #SERVED} is what the API uses; it was
 * chosen on a validation period carved from the end of the training plays (recommender/README.md,
 * "The model"), never on the test period.
 *
 * @param contextDecay the weight of the transitions from the k-th recent track is contextDecay^k
 *     (the seed's are 1)
 */
public record BlendWeights(
    double userTransitions,
    double userRecentTransitions,
    double userSequence,
    double everyoneTransitions,
    double userNeighbours,
    double coOccurrence,
    double sessionRepeat,
    double familiarity,
    double artistAffinity,
    double sameArtist,
    double contextDecay) {

  /** The weight names in the order of the record's components, for logs and the tuner. */
  public static final String[] NAMES = {
    "user", "user recent", "user sequence", "everyone", "user neighbours", "co-occurrence", "repeat", "familiarity",
    "artist", "same artist", "context decay"
  };

  /**
   * The weights the API serves: the tuner's choice of the previous measurement, with the newer
   * user components at 0. The newer tuning (user recent 0.3, user sequence 0.6, everyone 0,
   * docs/recommendations.md) scored higher on the test period but drops everyone's transitions,
   * which is all an anonymous request has; it is not served until it is re-tuned with that
   * weight kept.
   */
  public static final BlendWeights SERVED =
      new BlendWeights(1.0, 0.0, 0.0, 1.2, 0.0, 0.0, 0.0, 0.05, 0.05, 0.15, 0.5);

  public BlendWeights {
    for (double weight :
        new double[] {
          userTransitions, userRecentTransitions, userSequence, everyoneTransitions, userNeighbours,
          coOccurrence,
          sessionRepeat, familiarity, artistAffinity, sameArtist, contextDecay
        }) {
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("blend weights must be finite and >= 0");
      }
    }
  }

  /** The weights as an array in {@link #NAMES} order. */
  public double[] values() {
    return new double[] {
      userTransitions, userRecentTransitions, userSequence, everyoneTransitions, userNeighbours,
          coOccurrence,
      sessionRepeat, familiarity, artistAffinity, sameArtist, contextDecay
    };
  }

  /** The weights of an array in {@link #NAMES} order. */
  public static BlendWeights of(double[] v) {
    if (v.length != NAMES.length) {
      throw new IllegalArgumentException("expected " + NAMES.length + " weights, got " + v.length);
    }
    return new BlendWeights(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
  }

  /**
   * Weights written as {@code NAMES.length} comma-separated numbers in {@link #NAMES} order (the
   * evaluation's {@code --weights}).
   */
  public static BlendWeights parse(String text) {
    String[] parts = text.trim().split("\\s*,\\s*");
    double[] values = new double[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        values[i] = Double.parseDouble(parts[i]);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("weights must be numbers, got '" + text + "'");
    }
    return of(values);
  }

  double of(Component component) {
    return switch (component) {
      case USER_TRANSITIONS -> userTransitions;
      case USER_RECENT_TRANSITIONS -> userRecentTransitions;
      case USER_SEQUENCE -> userSequence;
      case EVERYONE_TRANSITIONS -> everyoneTransitions;
      case USER_NEIGHBOURS -> userNeighbours;
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
    double[] v = values();
    return IntStream.range(0, v.length)
        .mapToObj(i -> String.format(Locale.ROOT, "%s %.2f", NAMES[i], v[i]))
        .collect(Collectors.joining(", "));
  }
}
