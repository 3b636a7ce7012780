package io.listening.recommender.ranking;

import java.util.List;

/** Ranks tracks for a request: the served model and every baseline of the evaluation. */
public interface Ranker {

  /** The best {@code request.limit()} tracks, best first; never the seed. */
  List<RankedTrack> rank(RankingRequest request);
}
