/**
 * The next-track ranker: what the recommendation API serves and the offline evaluation measures.
 *
 * <p>{@link io.listening.recommender.ranking.GoldEvidenceReader} reads what the gold models
 * precomputed for one request (the seed's and the recent tracks' followers, the listener's
 * profile); {@link io.listening.recommender.ranking.NextTrackRanker} blends it in memory, without
 * I/O, into scored tracks with their components and a reason.
 */
package io.listening.recommender.ranking;
