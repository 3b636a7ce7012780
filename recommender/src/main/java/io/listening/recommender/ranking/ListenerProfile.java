package io.listening.recommender.ranking;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the warehouse knows about one listener: the tracks they played and their artist affinity.
 * Read once per request (or once per listener by the evaluation).
 *
 * @param tracks by track id
 * @param artistAffinity min-max scaled affinity in [0, 1], by artist key
 */
public record ListenerProfile(
    String userId, Map<String, KnownTrack> tracks, Map<String, Double> artistAffinity) {

  public ListenerProfile {
    tracks = Map.copyOf(tracks);
    artistAffinity = Map.copyOf(artistAffinity);
  }

  /** Someone the warehouse has never seen play anything, or a request without a listener. */
  public static ListenerProfile anonymous() {
    return new ListenerProfile(null, Map.of(), Map.of());
  }

  public static ListenerProfile of(
      String userId, List<KnownTrack> tracks, Map<String, Double> artistAffinity) {
    Map<String, KnownTrack> byId = new LinkedHashMap<>();
    tracks.forEach(track -> byId.put(track.trackId(), track));
    return new ListenerProfile(userId, byId, artistAffinity);
  }

  public boolean knows(String trackId) {
    return tracks.containsKey(trackId);
  }

  public double familiarity(String trackId) {
    KnownTrack track = tracks.get(trackId);
    return track == null ? 0 : track.familiarity();
  }

  public double affinity(String artistKey) {
    return artistKey == null ? 0 : artistAffinity.getOrDefault(artistKey, 0.0);
  }

  /** The listener's tracks, the most familiar first (ties by id, so answers are repeatable). */
  public List<KnownTrack> mostFamiliar(int limit) {
    return tracks.values().stream()
        .sorted(
            Comparator.comparingDouble(KnownTrack::familiarity)
                .reversed()
                .thenComparing(KnownTrack::trackId))
        .limit(limit)
        .toList();
  }

  /** The listener's tracks, the most played first (ties by id). */
  public List<KnownTrack> mostPlayed(int limit) {
    return tracks.values().stream()
        .sorted(
            Comparator.comparingLong(KnownTrack::plays).reversed().thenComparing(KnownTrack::trackId))
        .limit(limit)
        .toList();
  }
}
