package io.listening.webapp.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * All-time listening totals, one row of {@code gold.listening_totals}.
 *
 * @param totalPlays plays that reached the play threshold
 * @param totalSkips plays shorter than the threshold
 * @param listeningMs sum of {@code ms_played}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ListeningTotals(
    long totalPlays,
    long totalSkips,
    long uniqueTracks,
    long uniqueArtists,
    long uniqueUsers,
    long listeningMs,
    @Nullable Instant firstPlayedAt,
    @Nullable Instant lastPlayedAt) {

  private static final double MS_PER_HOUR = 3_600_000.0;

  /** Totals of a warehouse that holds no plays yet. */
  static final ListeningTotals NONE = new ListeningTotals(0, 0, 0, 0, 0, 0, null, null);

  @JsonProperty("listening_hours")
  public double listeningHours() {
    return listeningMs / MS_PER_HOUR;
  }
}
