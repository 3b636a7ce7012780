package io.listening.recommender.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The served model: a weighted blend of what this listener plays after the seed (and, fading, after
 * the tracks just before it), what everyone plays after it, co-occurrence, replays within the
 * session, the listener's familiarity with the track and their artist affinity. Pure: all input is
 * in the request, so the API and the evaluation rank identically.
 */
public final class NextTrackRanker implements Ranker {

  /** The listener's most familiar tracks that are candidates even without a transition. */
  static final int FAMILIAR_CANDIDATES = 50;

  private final BlendWeights weights;

  public NextTrackRanker(BlendWeights weights) {
    this.weights = weights;
  }

  public BlendWeights weights() {
    return weights;
  }

  @Override
  public List<RankedTrack> rank(RankingRequest request) {
    SeedEvidence evidence = request.evidence();
    // A seed nobody played anything after still has candidates: the session's earlier tracks,
    // the listener's familiar ones and the seed artist's popular ones (same-artist component);
    // popularity only fills what they leave short.
    Map<String, Features> candidates = new HashMap<>();
    addTransitions(request, candidates, evidence.userFollowers(), Component.USER_TRANSITIONS);
    addTransitions(request, candidates, evidence.everyoneFollowers(), Component.EVERYONE_TRANSITIONS);
    addFollowers(request, candidates, evidence.userRecentFollowers(), Component.USER_RECENT_TRANSITIONS);
    addFollowers(request, candidates, evidence.userSequenceFollowers(), Component.USER_SEQUENCE);
    addFollowers(request, candidates, evidence.userNeighbours(), Component.USER_NEIGHBOURS);
    for (Neighbour neighbour : evidence.coOccurrence()) {
      candidate(request, candidates, neighbour.trackId(), neighbour.artistKey())
          .ifPresent(f -> f.add(Component.CO_OCCURRENCE, neighbour.score()));
    }
    List<String> recent = evidence.recent();
    for (int step = 0; step < recent.size(); step++) {
      double fade = Math.pow(weights.contextDecay(), step);
      String trackId = recent.get(step);
      KnownTrack known = request.profile().tracks().get(trackId);
      candidate(request, candidates, trackId, known == null ? null : known.artistKey())
          .ifPresent(f -> f.keepMax(Component.SESSION_REPEAT, fade));
    }
    for (KnownTrack known : request.profile().mostFamiliar(FAMILIAR_CANDIDATES)) {
      candidate(request, candidates, known.trackId(), known.artistKey());
    }
    for (Neighbour top : evidence.artistTopTracks()) {
      candidate(request, candidates, top.trackId(), top.artistKey());
    }

    List<RankedTrack> ranked = new ArrayList<>(candidates.size());
    for (Features features : candidates.values()) {
      RankedTrack track = features.score(request, evidence.seedArtistKey());
      // A candidate none of the weighted components speaks for is left to the fallback.
      if (track.score() > 0) {
        ranked.add(track);
      }
    }
    ranked.sort(
        Comparator.comparingDouble(RankedTrack::score).reversed().thenComparing(RankedTrack::trackId));
    return PopularityFallback.fill(request, ranked);
  }

  private void addTransitions(
      RankingRequest request,
      Map<String, Features> candidates,
      Map<String, List<Neighbour>> followers,
      Component component) {
    SeedEvidence evidence = request.evidence();
    List<String> sources = new ArrayList<>();
    sources.add(evidence.seedTrackId());
    sources.addAll(evidence.recent());
    for (int step = 0; step < sources.size(); step++) {
      double fade = Math.pow(weights.contextDecay(), step);
      if (fade == 0) {
        return;
      }
      for (Neighbour follower : followers.getOrDefault(sources.get(step), List.of())) {
        double contribution = fade * follower.score();
        candidate(request, candidates, follower.trackId(), follower.artistKey())
            .ifPresent(f -> f.add(component, contribution));
      }
    }
  }

  private void addFollowers(
      RankingRequest request,
      Map<String, Features> candidates,
      List<Neighbour> followers,
      Component component) {
    // A relation the served weights ignore adds no candidates, so leaving a component at 0
    // leaves the answers exactly as they were measured without it.
    if (weights.of(component) == 0) {
      return;
    }
    for (Neighbour follower : followers) {
      candidate(request, candidates, follower.trackId(), follower.artistKey())
          .ifPresent(f -> f.add(component, follower.score()));
    }
  }

  private java.util.Optional<Features> candidate(
      RankingRequest request, Map<String, Features> candidates, String trackId, String artistKey) {
    if (!request.admits(trackId)) {
      return java.util.Optional.empty();
    }
    Features features = candidates.computeIfAbsent(trackId, Features::new);
    if (features.artistKey == null) {
      features.artistKey = artistKey;
    }
    return java.util.Optional.of(features);
  }

  /** The raw (unweighted) components of one candidate. */
  private final class Features {
    private final String trackId;
    private String artistKey;
    private final Map<Component, Double> raw = new EnumMap<>(Component.class);

    Features(String trackId) {
      this.trackId = trackId;
    }

    void add(Component component, double value) {
      raw.merge(component, value, Double::sum);
    }

    void keepMax(Component component, double value) {
      raw.merge(component, value, Math::max);
    }

    RankedTrack score(RankingRequest request, String seedArtistKey) {
      ListenerProfile profile = request.profile();
      KnownTrack known = profile.tracks().get(trackId);
      String artist = artistKey != null ? artistKey : known == null ? null : known.artistKey();
      raw.put(Component.FAMILIARITY, profile.familiarity(trackId));
      raw.put(Component.ARTIST_AFFINITY, profile.affinity(artist));
      raw.put(
          Component.SAME_ARTIST, artist != null && artist.equals(seedArtistKey) ? 1.0 : 0.0);
      Map<Component, Double> weighted = new EnumMap<>(Component.class);
      double total = 0;
      Component strongest = null;
      for (Map.Entry<Component, Double> entry : raw.entrySet()) {
        double value = weights.of(entry.getKey()) * entry.getValue();
        if (value == 0) {
          continue;
        }
        weighted.put(entry.getKey(), value);
        total += value;
        if (strongest == null || value > weighted.get(strongest)) {
          strongest = entry.getKey();
        }
      }
      Reason reason = strongest == null ? Reason.POPULAR_BY_ARTIST : Reason.of(strongest);
      return new RankedTrack(trackId, total, weighted, reason, false);
    }
  }
}
