package io.listening.webapp.dashboard.overview;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The overview's figures for one filter, from one build.
 *
 * @param firstDay first local day with a music stream in the range, null when there is none
 * @param gaps the longest runs of days without any stream between the first and last day
 * @param gapCount how many such runs there are in all
 */
record Overview(
    long plays,
    long skips,
    long listeningMs,
    long uniqueTracks,
    long uniqueArtists,
    long listeners,
    long daysListened,
    @Nullable LocalDate firstDay,
    @Nullable LocalDate lastDay,
    List<Gap> gaps,
    long gapCount,
    long gapDays) {

  /** Days in a row without a stream, first and last included. */
  record Gap(LocalDate firstDay, LocalDate lastDay, long days) {}

  boolean isEmpty() {
    return plays + skips == 0;
  }
}
