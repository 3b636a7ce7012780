package io.listening.recommender.ranking;

/**
 * The weights the API serves: one set for a request that names a listener and one for a request
 * that does not. Tuning for listeners moves weight onto their own evidence (everyone's transitions
 * went to 0 in docs/recommendations.md), which an anonymous request does not have; with two sets
 * that no longer costs anonymous requests anything. The personal set was chosen on a validation
 * period carved from the end of the training plays (recommender/README.md, "The model"), never on
 * the test period; the anonymous set is the earlier tuning that kept everyone's transitions.
 */
public record ServedWeights(BlendWeights personal, BlendWeights anonymous) {

  public static final ServedWeights SERVED =
      new ServedWeights(
          new BlendWeights(1.0, 0.3, 0.0, 0.6, 0.0, 0.0, 0.0, 0.0, 0.15, 0.05, 0.15, 0.8, 1.0, 0.0),
          new BlendWeights(1.0, 0.0, 0.0, 0.0, 1.2, 0.0, 0.0, 0.0, 0.05, 0.05, 0.15, 0.5, 1.0, 0.0));

  /** Both kinds of request ranked with the same weights (the evaluation's candidates). */
  public static ServedWeights always(BlendWeights weights) {
    return new ServedWeights(weights, weights);
  }

  /** The set for a request by {@code userId} (null: nobody in particular). */
  public BlendWeights forUser(String userId) {
    return userId == null ? anonymous : personal;
  }
}
