package io.listening.recommender.evaluation;

import io.listening.recommender.ranking.ListenerProfile;
import io.listening.recommender.ranking.RankedTrack;
import io.listening.recommender.ranking.Ranker;
import io.listening.recommender.ranking.RankingRequest;
import io.listening.recommender.ranking.SeedEvidence;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One ranker's answers to every question of a period, and the resulting figures. */
final class Evaluation {

  /** The answer length every figure is measured at. */
  static final int K = 10;

  final Scores withContext = new Scores();
  final Scores withoutContext = new Scores();
  final Scores discovery = new Scores();
  final Map<String, Scores> perUserWithContext = new TreeMap<>();

  static Evaluation of(Ranker ranker, Questions questions) {
    return of(ranker, questions, true);
  }

  static Evaluation of(Ranker ranker, Questions questions, boolean withDiscovery) {
    return of(ranker, questions, withDiscovery, false);
  }

  /**
   * The next-track questions asked without naming the listener, as an anonymous API request would:
   * no profile and none of the listener's evidence, so the ranker uses its anonymous weights.
   */
  static Evaluation anonymous(Ranker ranker, Questions questions) {
    return of(ranker, questions, false, true);
  }

  private static Evaluation of(
      Ranker ranker, Questions questions, boolean withDiscovery, boolean anonymous) {
    Evaluation evaluation = new Evaluation();
    for (Questions.NextTrack question : questions.nextTrack) {
      ListenerProfile profile =
          anonymous ? ListenerProfile.anonymous() : questions.profiles.get(question.userId());
      SeedEvidence evidence = anonymous ? question.evidence().withoutListener() : question.evidence();
      List<RankedTrack> answer = ranker.rank(new RankingRequest(evidence, profile, K, false));
      evaluation.withContext.addNextTrack(answer, question.actual());
      evaluation
          .perUserWithContext
          .computeIfAbsent(question.userId(), u -> new Scores())
          .addNextTrack(answer, question.actual());
      evaluation.withoutContext.addNextTrack(
          ranker.rank(new RankingRequest(evidence.withoutContext(), profile, K, false)),
          question.actual());
    }
    if (withDiscovery) {
      for (Questions.Discovery question : questions.discovery) {
        ListenerProfile profile = questions.profiles.get(question.userId());
        evaluation.discovery.addDiscovery(
            ranker.rank(new RankingRequest(question.evidence(), profile, K, true)),
            question.playedLater());
      }
    }
    return evaluation;
  }
}
