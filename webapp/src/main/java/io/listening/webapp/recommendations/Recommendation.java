package io.listening.webapp.recommendations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A track listened to next to the requested one.
 *
 * @param score co-occurrences divided by the requested track's largest co-occurrence count, in (0,
 *     1]
 * @param coOccurrences times the two tracks were played one right after the other in a session
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Recommendation(
    String trackId, String trackName, String artistName, double score, long coOccurrences) {}
