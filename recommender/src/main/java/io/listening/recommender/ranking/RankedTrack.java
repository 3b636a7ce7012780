package io.listening.recommender.ranking;

import java.util.Map;

/**
 * One recommended track.
 *
 * @param components each component's weighted contribution; they add up to {@code score}
 * @param coldStart true when the track is a popularity fallback, not chosen from evidence
 */
public record RankedTrack(
    String trackId, double score, Map<Component, Double> components, Reason reason, boolean coldStart) {

  public RankedTrack {
    components = Map.copyOf(components);
  }
}
