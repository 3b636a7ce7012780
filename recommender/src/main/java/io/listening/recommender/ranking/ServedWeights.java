package io.listening.recommender.ranking;

/**
 * The weights the API serves: one set for a request that names a listener and one for a request
 * that does not. Tuning for listeners moves weight onto their own evidence (everyone's transitions
 * go to 0), which an anonymous request does not have; with two sets that no longer costs anonymous
 * requests anything. The personal set was chosen by {@code WeightTuner} on a validation period
 * carved from the end of the training plays (docs/recommendations.md), never on the test period;
 * the anonymous set is the earlier tuning that kept everyone's transitions, with each evidence
 * component divided by its best candidate's value (normalization 1): without it the flat
 * same-artist bonus outweighed everyone's transitions and the simulated data's planted related
 * tracks were not recovered (docs/recommendations.md, "Simulated data").
 */
public record ServedWeights(BlendWeights personal, BlendWeights anonymous) {

  public static final ServedWeights SERVED =
      new ServedWeights(
          new BlendWeights(1.0, 0.3, 0.05, 0.3, 0.0, 0.15, 0.0, 0.3, 0.15, 0.05, 0.15, 0.8, 0.25, 0.0),
          new BlendWeights(1.0, 0.0, 0.0, 0.0, 1.2, 0.0, 0.0, 0.0, 0.05, 0.05, 0.15, 0.5, 1.0, 1.0));

  /** Both kinds of request ranked with the same weights (the evaluation's candidates). */
  public static ServedWeights always(BlendWeights weights) {
    return new ServedWeights(weights, weights);
  }

  /** The set for a request by {@code userId} (null: nobody in particular). */
  public BlendWeights forUser(String userId) {
    return userId == null ? anonymous : personal;
  }
}
