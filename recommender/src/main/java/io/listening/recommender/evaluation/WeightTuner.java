package io.listening.recommender.evaluation;

import io.listening.recommender.ranking.BlendWeights;
import io.listening.recommender.ranking.NextTrackRanker;
import java.util.function.Consumer;

/**
 * Chooses the served model's weights on the validation questions: coordinate ascent over each
 * weight in turn on a fixed grid, keeping a change only when it raises NDCG@10 with plus without
 * session context. It never sees the test period.
 */
final class WeightTuner {

  private static final double[] GRID = {0, 0.05, 0.15, 0.3, 0.6, 1.2};
  private static final double[] DECAY_GRID = {0.2, 0.5, 0.8};
  private static final int ROUNDS = 1;

  private WeightTuner() {}

  static BlendWeights tune(BlendWeights start, Questions validation, Consumer<String> log) {
    BlendWeights best = start;
    double bestObjective = objective(best, validation);
    log.accept(String.format("validation objective %.4f at the start (%s)", bestObjective, best));
    for (int round = 0; round < ROUNDS; round++) {
      // The listener's own transitions stay at 1: the scale of the others is relative to them.
      for (int field = 1; field < BlendWeights.NAMES.length; field++) {
        for (double value : field == BlendWeights.NAMES.length - 1 ? DECAY_GRID : GRID) {
          BlendWeights candidate = with(best, field, value);
          if (candidate.equals(best)) {
            continue;
          }
          double objective = objective(candidate, validation);
          if (objective > bestObjective + 1e-9) {
            best = candidate;
            bestObjective = objective;
          }
        }
      }
      log.accept(String.format("validation objective %.4f after round %d (%s)", bestObjective, round + 1, best));
    }
    return best;
  }

  static double objective(BlendWeights weights, Questions validation) {
    Evaluation evaluation = Evaluation.of(new NextTrackRanker(weights), validation, false);
    return evaluation.withContext.ndcg() + evaluation.withoutContext.ndcg();
  }

  private static BlendWeights with(BlendWeights weights, int field, double value) {
    double[] values = weights.values();
    values[field] = value;
    return BlendWeights.of(values);
  }
}
