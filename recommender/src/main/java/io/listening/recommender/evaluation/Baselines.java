package io.listening.recommender.evaluation;

import io.listening.recommender.ranking.Component;
import io.listening.recommender.ranking.KnownTrack;
import io.listening.recommender.ranking.ListenerProfile;
import io.listening.recommender.ranking.Neighbour;
import io.listening.recommender.ranking.PopularityFallback;
import io.listening.recommender.ranking.RankedTrack;
import io.listening.recommender.ranking.Ranker;
import io.listening.recommender.ranking.RankingRequest;
import io.listening.recommender.ranking.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rankers the served model is compared with; each falls back like the served one. */
final class Baselines {

  /** The original design's weights: 0.7 session co-occurrence, 0.3 artist affinity. */
  static final double ORIGINAL_CO_OCCURRENCE_WEIGHT = 0.7;
  static final double ORIGINAL_AFFINITY_WEIGHT = 0.3;

  private Baselines() {}

  /** (a) Everyone's most played tracks, whatever the seed. */
  static Ranker mostPopular() {
    return request ->
        ordered(request, request.evidence().overallTopTracks(), Component.POPULARITY, Reason.POPULAR);
  }

  /** (b) The listener's own most played tracks, whatever the seed. */
  static Ranker userMostPlayed() {
    return request -> {
      List<Neighbour> played = new ArrayList<>();
      for (KnownTrack track : request.profile().mostPlayed(request.limit() + 1)) {
        played.add(new Neighbour(track.trackId(), track.artistKey(), track.plays()));
      }
      return ordered(request, played, Component.FAMILIARITY, Reason.YOUR_REGULAR);
    };
  }

  /**
   * (c) The original design's formula: 0.7 x the share of the listener's sessions with the seed
   * that also hold the track + 0.3 x the listener's min-max scaled affinity for its artist, over
   * the tracks of those sessions and every other track the listener played (affinity alone).
   */
  static Ranker originalFormula() {
    return request -> {
      ListenerProfile profile = request.profile();
      Map<String, Double> share = new HashMap<>();
      Map<String, String> artist = new HashMap<>();
      for (Neighbour neighbour : request.evidence().sessionCoOccurrence()) {
        share.put(neighbour.trackId(), neighbour.score());
        artist.put(neighbour.trackId(), neighbour.artistKey());
      }
      for (KnownTrack track : profile.tracks().values()) {
        artist.putIfAbsent(track.trackId(), track.artistKey());
      }
      List<RankedTrack> ranked = new ArrayList<>();
      for (Map.Entry<String, String> candidate : artist.entrySet()) {
        String trackId = candidate.getKey();
        if (!request.admits(trackId)) {
          continue;
        }
        double coOccurrence = ORIGINAL_CO_OCCURRENCE_WEIGHT * share.getOrDefault(trackId, 0.0);
        double affinity = ORIGINAL_AFFINITY_WEIGHT * profile.affinity(candidate.getValue());
        ranked.add(
            new RankedTrack(
                trackId,
                coOccurrence + affinity,
                Map.of(Component.CO_OCCURRENCE, coOccurrence, Component.ARTIST_AFFINITY, affinity),
                coOccurrence >= affinity ? Reason.LISTENERS_ALSO_PLAY : Reason.ARTIST_YOU_LIKE,
                false));
      }
      ranked.sort(
          Comparator.comparingDouble(RankedTrack::score).reversed().thenComparing(RankedTrack::trackId));
      return PopularityFallback.fill(request, ranked);
    };
  }

  /** (d) What the API served before: gold.track_co_occurrence, the same for every listener. */
  static Ranker globalCoOccurrence() {
    return request ->
        ordered(
            request, request.evidence().coOccurrence(), Component.CO_OCCURRENCE, Reason.LISTENERS_ALSO_PLAY);
  }

  private static List<RankedTrack> ordered(
      RankingRequest request, List<Neighbour> tracks, Component component, Reason reason) {
    List<RankedTrack> ranked = new ArrayList<>();
    for (Neighbour track : tracks) {
      if (ranked.size() >= request.limit()) {
        break;
      }
      if (request.admits(track.trackId())) {
        ranked.add(
            new RankedTrack(track.trackId(), track.score(), Map.of(component, track.score()), reason, false));
      }
    }
    return PopularityFallback.fill(request, ranked);
  }
}
