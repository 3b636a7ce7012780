package io.listening.recommender.ranking;

/**
 * A track the listener has played (gold.user_track_recency).
 *
 * @param familiarity recency-weighted plays over the listener's most familiar track, in (0, 1]
 */
public record KnownTrack(String trackId, String artistKey, long plays, double familiarity) {}
