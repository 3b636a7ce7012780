package io.listening.webapp.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A row of {@code gold.tracks}: one track with its play and listener counts. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TopTrack(
    String trackId, String trackName, String artistName, long plays, long listeners) {}
