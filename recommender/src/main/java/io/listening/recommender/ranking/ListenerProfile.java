package io.listening.recommender.ranking;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the warehouse knows about one listener: the tracks they played and their artist affinity.
 * Read once per request (or once per listener by the evaluation); the orders the rankers walk are
 * sorted once here.
 */
public final class ListenerProfile {

  private static final ListenerProfile ANONYMOUS = new ListenerProfile(null, List.of(), Map.of());

  private final String userId;
  private final Map<String, KnownTrack> tracks;
  private final Map<String, Double> artistAffinity;
  private final List<KnownTrack> byFamiliarity;
  private final List<KnownTrack> byPlays;

  private ListenerProfile(String userId, List<KnownTrack> tracks, Map<String, Double> artistAffinity) {
    this.userId = userId;
    Map<String, KnownTrack> byId = new LinkedHashMap<>();
    tracks.forEach(track -> byId.put(track.trackId(), track));
    this.tracks = Map.copyOf(byId);
    this.artistAffinity = Map.copyOf(artistAffinity);
    this.byFamiliarity =
        byId.values().stream()
            .sorted(
                Comparator.comparingDouble(KnownTrack::familiarity)
                    .reversed()
                    .thenComparing(KnownTrack::trackId))
            .toList();
    this.byPlays =
        byId.values().stream()
            .sorted(
                Comparator.comparingLong(KnownTrack::plays).reversed().thenComparing(KnownTrack::trackId))
            .toList();
  }

  /** Someone the warehouse has never seen play anything, or a request without a listener. */
  public static ListenerProfile anonymous() {
    return ANONYMOUS;
  }

  /**
   * @param artistAffinity min-max scaled affinity in [0, 1], by artist key
   */
  public static ListenerProfile of(
      String userId, List<KnownTrack> tracks, Map<String, Double> artistAffinity) {
    return new ListenerProfile(userId, tracks, artistAffinity);
  }

  /** Null for {@link #anonymous()}. */
  public String userId() {
    return userId;
  }

  /** The listener's tracks by id. */
  public Map<String, KnownTrack> tracks() {
    return tracks;
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
    return byFamiliarity.subList(0, Math.min(limit, byFamiliarity.size()));
  }

  /** The listener's tracks, the most played first (ties by id). */
  public List<KnownTrack> mostPlayed(int limit) {
    return byPlays.subList(0, Math.min(limit, byPlays.size()));
  }
}
