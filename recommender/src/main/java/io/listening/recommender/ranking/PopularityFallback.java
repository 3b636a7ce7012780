package io.listening.recommender.ranking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills an answer that evidence left short: the seed artist's most played tracks first, then
 * everyone's. The one cold-start rule of every ranker, so baselines and the served model fall back
 * alike.
 */
public final class PopularityFallback {

  private PopularityFallback() {}

  /** {@code ranked} followed by popular tracks it does not hold yet, up to the request's limit. */
  public static List<RankedTrack> fill(RankingRequest request, List<RankedTrack> ranked) {
    List<RankedTrack> answer = new ArrayList<>(ranked.subList(0, Math.min(ranked.size(), request.limit())));
    Set<String> taken = new LinkedHashSet<>();
    answer.forEach(track -> taken.add(track.trackId()));
    SeedEvidence evidence = request.evidence();
    add(request, answer, taken, evidence.artistTopTracks(), Reason.POPULAR_BY_ARTIST);
    add(request, answer, taken, evidence.overallTopTracks(), Reason.POPULAR);
    return answer;
  }

  private static void add(
      RankingRequest request,
      List<RankedTrack> answer,
      Set<String> taken,
      List<Neighbour> popular,
      Reason reason) {
    for (Neighbour track : popular) {
      if (answer.size() >= request.limit()) {
        return;
      }
      if (request.admits(track.trackId()) && taken.add(track.trackId())) {
        // Below every evidence-based score, in the fallback lists' own order.
        double score = -answer.size() * 1e-6;
        answer.add(
            new RankedTrack(track.trackId(), score, Map.of(Component.POPULARITY, 0.0), reason, true));
      }
    }
  }
}
