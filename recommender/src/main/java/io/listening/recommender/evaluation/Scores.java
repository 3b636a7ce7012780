package io.listening.recommender.evaluation;

import io.listening.recommender.ranking.RankedTrack;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Running totals of one ranker's answers to one kind of question. */
final class Scores {

  private long questions;
  private long hits;
  private double ndcg;
  private long coldStarts;
  private final Set<String> recommended = new HashSet<>();

  /** A next-track question: was {@code actual} among the answer, and how high. */
  void addNextTrack(List<RankedTrack> answer, String actual) {
    add(answer);
    for (int i = 0; i < answer.size(); i++) {
      if (answer.get(i).trackId().equals(actual)) {
        hits++;
        ndcg += 1 / (Math.log(i + 2) / Math.log(2));
        return;
      }
    }
  }

  /** A discovery question: did the listener play any of the answer in the period. */
  void addDiscovery(List<RankedTrack> answer, Set<String> playedLater) {
    add(answer);
    if (answer.stream().anyMatch(track -> playedLater.contains(track.trackId()))) {
      hits++;
    }
  }

  private void add(List<RankedTrack> answer) {
    questions++;
    if (!answer.isEmpty() && answer.get(0).coldStart()) {
      coldStarts++;
    }
    answer.forEach(track -> recommended.add(track.trackId()));
  }

  long questions() {
    return questions;
  }

  double hitRate() {
    return questions == 0 ? 0 : (double) hits / questions;
  }

  double ndcg() {
    return questions == 0 ? 0 : ndcg / questions;
  }

  double coldStartShare() {
    return questions == 0 ? 0 : (double) coldStarts / questions;
  }

  double coverage(long catalogSize) {
    return catalogSize == 0 ? 0 : (double) recommended.size() / catalogSize;
  }
}
