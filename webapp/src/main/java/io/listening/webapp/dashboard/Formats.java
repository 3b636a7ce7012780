package io.listening.webapp.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard writes numbers, durations and dates for people. One home for all pages. */
public final class Formats {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private static final DateTimeFormatter LOCAL_MINUTE =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  private static final DateTimeFormatter UTC_MINUTE =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Formats() {}

  /** 1234567 as "1,234,567". */
  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** Listening time as "12 h 05 min", "7 min" or "42 s"; hours keep thousands separators. */
  public static String duration(long milliseconds) {
    Duration duration = Duration.ofMillis(milliseconds);
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    if (hours > 0) {
      return String.format(Locale.ROOT, "%,d h %02d min", hours, minutes);
    }
    if (minutes > 0) {
      return minutes + " min";
    }
    return duration.toSecondsPart() + " s";
  }

  /** A share in [0, 1] as "12.3%". */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A local day as "2 Dec 2024". */
  public static String date(LocalDate day) {
    return DAY.format(day);
  }

  /** A time in the listener's own zone as "2 Dec 2024, 09:26". */
  public static String localMinute(LocalDateTime time) {
    return LOCAL_MINUTE.format(time);
  }

  /** An instant of the platform's own work (a check, a build) as "2 Dec 2024 14:05 UTC". */
  public static String utcMinute(Instant instant) {
    return UTC_MINUTE.format(instant);
  }

  /** Hours with one decimal, for chart axes: 12.5. */
  public static double hours(long milliseconds) {
    return Math.round(milliseconds / 360_000.0) / 10.0;
  }
}
