package io.listening.pipelines.lake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The Hive-style directory of the UTC hour an instant falls in. */
public final class HourPartition {

  private HourPartition() {}

  public static String of(Instant instant) {
    ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
    return String.format(
        "year=%04d/month=%02d/day=%02d/hour=%02d",
        utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth(), utc.getHour());
  }
}
