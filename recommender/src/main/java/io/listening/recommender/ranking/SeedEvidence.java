package io.listening.recommender.ranking;

import java.util.List;
import java.util.Map;

/**
 * What gold holds about one request's seed and recent tracks, read by {@link GoldEvidenceReader}.
 *
 * @param seedArtistKey the seed's artist, null when unknown
 * @param recent the tracks played before the seed in the listener's session, the latest first
 * @param userFollowers what this listener played after each of the seed and the recent tracks
 *     (gold.user_track_transitions, score = the user's probability)
 * @param userRecentFollowers what this listener played after the seed, recent sessions weighing
 *     most (gold.user_track_transitions, score = recent_probability)
 * @param userReplayFollowers what followed the seed the last few times this listener played it
 *     (gold.user_track_transitions, score = replay_probability, only those above 0)
 * @param userSequenceFollowers what this listener played after the seed when the latest recent
 *     track came just before it (gold.user_sequence_transitions, score = probability); empty
 *     without context
 * @param userNeighbours what this listener plays near each of the seed and the recent tracks, in
 *     either order (gold.user_track_neighbours, score = share of the source's sessions)
 * @param everyoneFollowers the same over everyone (gold.track_transitions)
 * @param coOccurrence the seed's neighbours in gold.track_co_occurrence (score in (0, 1])
 * @param sessionCoOccurrence the original design's co-occurrence in this listener's own sessions
 *     (gold.user_session_co_occurrence, score = share); empty unless the evaluation asked for it
 * @param artistTopTracks the seed artist's most played tracks, best first
 * @param overallTopTracks everyone's most played tracks, best first
 */
public record SeedEvidence(
    String seedTrackId,
    String seedArtistKey,
    List<String> recent,
    Map<String, List<Neighbour>> userFollowers,
    List<Neighbour> userRecentFollowers,
    List<Neighbour> userReplayFollowers,
    List<Neighbour> userSequenceFollowers,
    Map<String, List<Neighbour>> userNeighbours,
    Map<String, List<Neighbour>> everyoneFollowers,
    List<Neighbour> coOccurrence,
    List<Neighbour> sessionCoOccurrence,
    List<Neighbour> artistTopTracks,
    List<Neighbour> overallTopTracks) {

  public SeedEvidence {
    recent = List.copyOf(recent);
    userFollowers = Map.copyOf(userFollowers);
    userRecentFollowers = List.copyOf(userRecentFollowers);
    userReplayFollowers = List.copyOf(userReplayFollowers);
    userSequenceFollowers = List.copyOf(userSequenceFollowers);
    userNeighbours = Map.copyOf(userNeighbours);
    everyoneFollowers = Map.copyOf(everyoneFollowers);
    coOccurrence = List.copyOf(coOccurrence);
    sessionCoOccurrence = List.copyOf(sessionCoOccurrence);
    artistTopTracks = List.copyOf(artistTopTracks);
    overallTopTracks = List.copyOf(overallTopTracks);
  }

  /** The same evidence as a request without session context would have read. */
  public SeedEvidence withoutContext() {
    return new SeedEvidence(
        seedTrackId,
        seedArtistKey,
        List.of(),
        keepOnly(userFollowers),
        userRecentFollowers,
        userReplayFollowers,
        List.of(),
        keepOnly(userNeighbours),
        keepOnly(everyoneFollowers),
        coOccurrence,
        sessionCoOccurrence,
        artistTopTracks,
        overallTopTracks);
  }

  /** The same evidence as a request without a listener would have read: none of the user's. */
  public SeedEvidence withoutListener() {
    return new SeedEvidence(
        seedTrackId,
        seedArtistKey,
        recent,
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        everyoneFollowers,
        coOccurrence,
        List.of(),
        artistTopTracks,
        overallTopTracks);
  }

  /** True when gold knows nothing that follows or surrounds the seed or the recent tracks. */
  public boolean isColdStart() {
    return coOccurrence.isEmpty()
        && userFollowers.values().stream().allMatch(List::isEmpty)
        && everyoneFollowers.values().stream().allMatch(List::isEmpty);
  }

  private Map<String, List<Neighbour>> keepOnly(Map<String, List<Neighbour>> followers) {
    List<Neighbour> seeds = followers.get(seedTrackId);
    return seeds == null ? Map.of() : Map.of(seedTrackId, seeds);
  }
}
