package io.listening.recommender.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The served model: a weighted blend of what this listener plays after the seed (all time, lately,
 * the last few times, and after the pair of the previous track and the seed), what they play close
 * to it in either order, what everyone plays after it, co-occurrence, replays within the session,
 * the listener's familiarity with the track and their artist affinity. Pure: all input is in the
 * request, so the API and the evaluation rank identically. A request that names a listener is
 * ranked with {@link ServedWeights#personal()}, one that does not with {@link
 * ServedWeights#anonymous()}.
 */
public final class NextTrackRanker implements Ranker {

  /** The listener's most familiar tracks that are candidates even without a transition. */
  static final int FAMILIAR_CANDIDATES = 50;

  /** Components read from gold relations, scaled by {@link BlendWeights#normalization()}. */
  private static final Set<Component> EVIDENCE =
      Set.of(
          Component.USER_TRANSITIONS,
          Component.USER_RECENT_TRANSITIONS,
          Component.USER_REPLAY,
          Component.USER_SEQUENCE,
          Component.EVERYONE_TRANSITIONS,
          Component.USER_NEIGHBOURS,
          Component.CO_OCCURRENCE);

  private final ServedWeights served;

  public NextTrackRanker(ServedWeights served) {
    this.served = served;
  }

  /** The same weights for requests with and without a listener. */
  public NextTrackRanker(BlendWeights weights) {
    this(ServedWeights.always(weights));
  }

  /** The ranker the API serves. */
  public static NextTrackRanker served() {
    return new NextTrackRanker(ServedWeights.SERVED);
  }

  public ServedWeights weights() {
    return served;
  }

  @Override
  public List<RankedTrack> rank(RankingRequest request) {
    BlendWeights weights = served.forUser(request.profile().userId());
    SeedEvidence evidence = request.evidence();
    // A seed nobody played anything after still has candidates: the session's earlier tracks,
    // the listener's familiar ones and the seed artist's popular ones (same-artist component);
    // popularity only fills what they leave short.
    Map<String, Features> candidates = new HashMap<>();
    Scoring scoring = new Scoring(request, weights, candidates);
    scoring.addBySource(evidence.userFollowers(), Component.USER_TRANSITIONS);
    scoring.addBySource(evidence.everyoneFollowers(), Component.EVERYONE_TRANSITIONS);
    scoring.addBySource(evidence.userNeighbours(), Component.USER_NEIGHBOURS);
    scoring.add(evidence.userRecentFollowers(), Component.USER_RECENT_TRANSITIONS);
    scoring.add(evidence.userReplayFollowers(), Component.USER_REPLAY);
    scoring.add(evidence.userSequenceFollowers(), Component.USER_SEQUENCE);
    scoring.add(evidence.coOccurrence(), Component.CO_OCCURRENCE);
    List<String> recent = evidence.recent();
    for (int step = 0; step < recent.size(); step++) {
      double fade = Math.pow(weights.contextDecay(), step);
      String trackId = recent.get(step);
      KnownTrack known = request.profile().tracks().get(trackId);
      scoring
          .candidate(trackId, known == null ? null : known.artistKey())
          .ifPresent(f -> f.keepMax(Component.SESSION_REPEAT, fade));
    }
    for (KnownTrack known : request.profile().mostFamiliar(FAMILIAR_CANDIDATES)) {
      scoring.candidate(known.trackId(), known.artistKey());
    }
    for (Neighbour top : evidence.artistTopTracks()) {
      scoring.candidate(top.trackId(), top.artistKey());
    }

    Map<Component, Double> scale = scoring.scales();
    Set<String> recentTracks = new HashSet<>(recent);
    List<RankedTrack> ranked = new ArrayList<>(candidates.size());
    for (Features features : candidates.values()) {
      double factor = recentTracks.contains(features.trackId) ? weights.recentTrackFactor() : 1;
      RankedTrack track = features.score(request, weights, scale, factor);
      // A candidate none of the weighted components speaks for is left to the fallback.
      if (track.score() > 0) {
        ranked.add(track);
      }
    }
    ranked.sort(
        Comparator.comparingDouble(RankedTrack::score).reversed().thenComparing(RankedTrack::trackId));
    return PopularityFallback.fill(request, ranked);
  }

  /** The candidates of one request as they are collected. */
  private static final class Scoring {
    private final RankingRequest request;
    private final BlendWeights weights;
    private final Map<String, Features> candidates;

    Scoring(RankingRequest request, BlendWeights weights, Map<String, Features> candidates) {
      this.request = request;
      this.weights = weights;
      this.candidates = candidates;
    }

    /** Evidence kept per source track: the seed's counts fully, the k-th recent track's fades. */
    void addBySource(Map<String, List<Neighbour>> bySource, Component component) {
      // A relation the weights ignore adds no candidates, so leaving a component at 0 leaves the
      // answers exactly as they were measured without it.
      if (!weights.uses(component)) {
        return;
      }
      SeedEvidence evidence = request.evidence();
      List<String> sources = new ArrayList<>();
      sources.add(evidence.seedTrackId());
      sources.addAll(evidence.recent());
      for (int step = 0; step < sources.size(); step++) {
        double fade = Math.pow(weights.contextDecay(), step);
        if (fade == 0) {
          return;
        }
        for (Neighbour follower : bySource.getOrDefault(sources.get(step), List.of())) {
          double contribution = fade * follower.score();
          candidate(follower.trackId(), follower.artistKey())
              .ifPresent(f -> f.add(component, contribution));
        }
      }
    }

    void add(List<Neighbour> related, Component component) {
      if (!weights.uses(component)) {
        return;
      }
      for (Neighbour neighbour : related) {
        candidate(neighbour.trackId(), neighbour.artistKey())
            .ifPresent(f -> f.add(component, neighbour.score()));
      }
    }

    Optional<Features> candidate(String trackId, String artistKey) {
      if (!request.admits(trackId)) {
        return Optional.empty();
      }
      Features features = candidates.computeIfAbsent(trackId, Features::new);
      if (features.artistKey == null) {
        features.artistKey = artistKey;
      }
      return Optional.of(features);
    }

    /** What each evidence component's raw values are divided by in this request. */
    Map<Component, Double> scales() {
      Map<Component, Double> scale = new EnumMap<>(Component.class);
      if (weights.normalization() == 0) {
        return scale;
      }
      for (Features features : candidates.values()) {
        features.raw.forEach(
            (component, value) -> {
              if (EVIDENCE.contains(component)) {
                scale.merge(component, value, Math::max);
              }
            });
      }
      scale.replaceAll((component, max) -> Math.pow(max, weights.normalization()));
      return scale;
    }
  }

  /** The raw (unweighted) components of one candidate. */
  private static final class Features {
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

    RankedTrack score(
        RankingRequest request, BlendWeights weights, Map<Component, Double> scale, double factor) {
      ListenerProfile profile = request.profile();
      KnownTrack known = profile.tracks().get(trackId);
      String artist = artistKey != null ? artistKey : known == null ? null : known.artistKey();
      String seedArtistKey = request.evidence().seedArtistKey();
      raw.put(Component.FAMILIARITY, profile.familiarity(trackId));
      raw.put(Component.ARTIST_AFFINITY, profile.affinity(artist));
      raw.put(Component.SAME_ARTIST, artist != null && artist.equals(seedArtistKey) ? 1.0 : 0.0);
      Map<Component, Double> weighted = new EnumMap<>(Component.class);
      double total = 0;
      Component strongest = null;
      for (Map.Entry<Component, Double> entry : raw.entrySet()) {
        double divisor = scale.getOrDefault(entry.getKey(), 1.0);
        double value =
            factor * weights.of(entry.getKey()) * entry.getValue() / (divisor > 0 ? divisor : 1);
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
