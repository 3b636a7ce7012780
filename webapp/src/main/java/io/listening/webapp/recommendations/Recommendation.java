package io.listening.webapp.recommendations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A track recommended after the requested one.
 *
 * @param score the served model's score (recommender NextTrackRanker): the sum of {@code
 *     components}; comparable within one answer only
 * @param components each score component's weighted contribution, by name (user_transitions,
 *     everyone_transitions, co_occurrence, session_repeat, familiarity, artist_affinity,
 *     same_artist; popularity for fallbacks)
 * @param reason why, in a sentence
 * @param coldStart true when nothing related the track to the seed: a popular track of the seed's
 *     artist, or of everyone
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Recommendation(
    String trackId,
    String trackName,
    String artistName,
    double score,
    Map<String, Double> components,
    String reason,
    boolean coldStart) {

  Recommendation {
    components = Map.copyOf(components);
  }
}
