package io.listening.recommender.ranking;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One set of the served model's weights: how much each {@link Component} counts, how fast the
 * recent tracks' evidence fades with every step back, what becomes of the session's own tracks and
 * how the components are scaled. {@link ServedWeights#SERVED} holds the sets the API uses.
 *
 * @param contextDecay the weight of the evidence from the k-th recent track is contextDecay^k (the
 *     seed's is 1)
 * @param recentTrackFactor a candidate that is one of the recent tracks has its score multiplied
 *     by this: 1 leaves it as it is, 0 leaves it out (the session's tracks come back as followers
 *     of one another, and are seldom what comes next)
 * @param normalization each evidence component (everything but familiarity, artist affinity, same
 *     artist and session repeat, which are already in [0, 1]) is divided by its largest value
 *     among the request's candidates raised to this power: 0 keeps the raw probabilities, 1 scales
 *     every component's best candidate to 1
 */
public record BlendWeights(
    double userTransitions,
    double userRecentTransitions,
    double userReplay,
    double userSequence,
    double everyoneTransitions,
    double userNeighbours,
    double coOccurrence,
    double sessionRepeat,
    double familiarity,
    double artistAffinity,
    double sameArtist,
    double contextDecay,
    double recentTrackFactor,
    double normalization) {

  /** The weight names in the order of the record's components, for logs and the tuner. */
  public static final String[] NAMES = {
    "user", "user recent", "user replay", "user sequence", "everyone", "user neighbours",
    "co-occurrence", "repeat", "familiarity", "artist", "same artist", "context decay",
    "recent track factor", "normalization"
  };

  public BlendWeights {
    for (double weight : values(
        userTransitions, userRecentTransitions, userReplay, userSequence, everyoneTransitions,
        userNeighbours, coOccurrence, sessionRepeat, familiarity, artistAffinity, sameArtist,
        contextDecay, recentTrackFactor, normalization)) {
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("blend weights must be finite and >= 0");
      }
    }
    if (recentTrackFactor > 1 || normalization > 1) {
      throw new IllegalArgumentException("the recent track factor and the normalization lie in [0, 1]");
    }
  }

  private static double[] values(double... values) {
    return values;
  }

  /** The weights as an array in {@link #NAMES} order. */
  public double[] values() {
    return values(
        userTransitions, userRecentTransitions, userReplay, userSequence, everyoneTransitions,
        userNeighbours, coOccurrence, sessionRepeat, familiarity, artistAffinity, sameArtist,
        contextDecay, recentTrackFactor, normalization);
  }

  /** The weights of an array in {@link #NAMES} order. */
  public static BlendWeights of(double[] v) {
    if (v.length != NAMES.length) {
      throw new IllegalArgumentException("expected " + NAMES.length + " weights, got " + v.length);
    }
    return new BlendWeights(
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
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

  /** The weight of one component (0 for the popularity fallback, which is not scored). */
  public double of(Component component) {
    return switch (component) {
      case USER_TRANSITIONS -> userTransitions;
      case USER_RECENT_TRANSITIONS -> userRecentTransitions;
      case USER_REPLAY -> userReplay;
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

  /** Whether the component counts at all: gold evidence of a component weighted 0 is not read. */
  public boolean uses(Component component) {
    return of(component) > 0;
  }

  @Override
  public String toString() {
    double[] v = values();
    return IntStream.range(0, v.length)
        .mapToObj(i -> String.format(Locale.ROOT, "%s %.2f", NAMES[i], v[i]))
        .collect(Collectors.joining(", "));
  }

  /** The same weights in the {@link #parse} format. */
  public String toArgument() {
    double[] v = values();
    return IntStream.range(0, v.length)
        .mapToObj(i -> String.format(Locale.ROOT, "%s", v[i]))
        .collect(Collectors.joining(","));
  }
}
