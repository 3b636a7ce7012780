package io.listening.pipelines.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The half-open window {@code [start, end)} of Kafka arrival times one run reads, and the batch
 * name derived from it. The name is part of every file the run writes, so rerunning the same window
 * rewrites the same files instead of adding new ones.
 */
record BatchWindow(Instant start, Instant end) {

  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  BatchWindow {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("window start " + start + " must be before its end " + end);
    }
  }

  static BatchWindow of(String start, String end, Clock clock) {
    Instant now = clock.instant();
    Instant parsedStart = parse("windowStart", start);
    // A default end in whole seconds: it appears in file names and manifests, which reruns must match.
    Instant parsedEnd =
        end == null || end.isBlank() ? now.truncatedTo(ChronoUnit.SECONDS) : parse("windowEnd", end);
    if (parsedEnd.isAfter(now)) {
      throw new IllegalArgumentException(
          "windowEnd " + parsedEnd + " is in the future; a window can be read once it has passed");
    }
    return new BatchWindow(parsedStart, parsedEnd);
  }

  /** For example {@code w20240601T100000-20240601T110000}. */
  String name() {
    return "w" + NAME.format(start) + "-" + NAME.format(end);
  }

  private static Instant parse(String option, String value) {
    try {
      // Airflow renders intervals with an offset ("+00:00"), people often type "Z": accept both.
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " must be an ISO-8601 instant such as 2024-06-01T10:00:00Z, got '" + value + "'");
    }
  }
}
