package io.listening.recommender.ranking;

/**
 * A track that gold relates to another one, with the relation's strength.
 *
 * @param artistKey the track's artist (lower-cased name), null when gold does not know it
 * @param score a probability or a normalised score in [0, 1], depending on the relation
 */
public record Neighbour(String trackId, String artistKey, double score) {}
