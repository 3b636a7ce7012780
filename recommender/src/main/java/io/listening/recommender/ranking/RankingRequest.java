package io.listening.recommender.ranking;

/**
 * One question to a ranker.
 *
 * @param excludeKnown leave out every track the listener has played (discovery); next-track
 *     answers keep them, since people replay
 */
public record RankingRequest(
    SeedEvidence evidence, ListenerProfile profile, int limit, boolean excludeKnown) {

  public RankingRequest {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }

  /** Whether {@code trackId} may appear in the answer at all. */
  public boolean admits(String trackId) {
    return !trackId.equals(evidence.seedTrackId()) && !(excludeKnown && profile.knows(trackId));
  }
}
