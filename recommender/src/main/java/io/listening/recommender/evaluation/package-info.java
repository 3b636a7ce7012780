/**
 * The offline evaluation of recommendations: a temporal split of each listener's plays, the
 * baselines, and the replay of held-out sessions through the rankers the API serves.
 */
package io.listening.recommender.evaluation;
