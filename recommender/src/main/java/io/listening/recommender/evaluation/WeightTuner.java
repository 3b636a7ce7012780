package io.listening.recommender.evaluation;

import io.listening.recommender.ranking.BlendWeights;
import io.listening.recommender.ranking.NextTrackRanker;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Chooses the served model's personal weights on the validation questions: coordinate ascent over
 * each weight in turn on a fixed grid, keeping a change only when it raises HitRate@10 plus
 * NDCG@10, with plus without session context (the acceptance ratios are on both measures). It
 * never sees the test period.
 */
final class WeightTuner {

  private static final double[] GRID = {0, 0.05, 0.15, 0.3, 0.6, 1.2, 2.4};
  private static final double[] DECAY_GRID = {0.2, 0.5, 0.8};
  private static final double[] FACTOR_GRID = {0, 0.25, 0.5, 1};
  private static final int ROUNDS = 2;

  private WeightTuner() {}

  static BlendWeights tune(BlendWeights start, Questions validation, Consumer<String> log) {
    BlendWeights best = start;
    double bestObjective = objective(best, validation);
    log.accept(String.format(Locale.ROOT, "validation objective %.4f at the start (%s)", bestObjective, best));
    for (int round = 0; round < ROUNDS; round++) {
      BlendWeights before = best;
      // The listener's own transitions stay at 1: the scale of the others is relative to them.
      for (int field = 1; field < BlendWeights.NAMES.length; field++) {
        for (double value : grid(field)) {
          BlendWeights candidate = with(best, field, value);
          if (candidate.equals(best)) {
            continue;
          }
          double objective = objective(candidate, validation);
          if (objective > bestObjective + 1e-9) {
            best = candidate;
            bestObjective = objective;
            log.accept(
                String.format(
                    Locale.ROOT, "validation objective %.4f with %s %.2f", objective,
                    BlendWeights.NAMES[field], value));
          }
        }
      }
      log.accept(
          String.format(
              Locale.ROOT, "validation objective %.4f after round %d (%s)", bestObjective, round + 1, best));
      if (best.equals(before)) {
        break;
      }
    }
    return best;
  }

  private static double[] grid(int field) {
    return switch (BlendWeights.NAMES[field]) {
      case "context decay" -> DECAY_GRID;
      case "recent track factor", "normalization" -> FACTOR_GRID;
      default -> GRID;
    };
  }

  static double objective(BlendWeights weights, Questions validation) {
    return objective(Evaluation.of(new NextTrackRanker(weights), validation, false));
  }

  static double objective(Evaluation evaluation) {
    return evaluation.withContext.hitRate()
        + evaluation.withContext.ndcg()
        + evaluation.withoutContext.hitRate()
        + evaluation.withoutContext.ndcg();
  }

  private static BlendWeights with(BlendWeights weights, int field, double value) {
    double[] values = weights.values();
    values[field] = value;
    return BlendWeights.of(values);
  }
}
