package io.listening.webapp.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A small warehouse of the dashboard's gold tables, created from {@code dashboard-gold.sql} (the
 * columns dbt builds) and published like dbt does: built next to the target, then renamed over it.
 *
 * <p>The rows: alice and bob, music on four local days, a podcast-only day and one day of nothing
 * in between. The day-level tables are summed from one list of streams below, as dbt sums them
 * from silver, so every page's figures can be checked against the constants here.
 */
public final class DashboardWarehouse {

  public static final String NEVER_GONNA = "4uLU6hMCjMI75M1A2tKUQC";
  public static final String TAKE_ON_ME = "2WfaOiMkCvy7F5fcp2zZ8L";
  public static final String BLUE_MONDAY = "5z7y3D2MT4Zv7Ow1k8LBC3";

  /** All time, everyone. */
  public static final long PLAYS = 15;
  public static final long SKIPS = 7;
  public static final long LISTENING_MS = 3_200_000; // 53 min 20 s
  /** alice alone. */
  public static final long ALICE_PLAYS = 10;
  public static final long ALICE_LISTENING_MS = 2_000_000; // 33 min 20 s
  /** 2024-12-01 to 2024-12-02, everyone. */
  public static final long EARLY_DECEMBER_PLAYS = 11;

  /**
   * (user, local day, local hour, track, name, artist key, artist, device, platform, plays, skips,
   * ms): each row is one user's streams of one track in one hour on one device.
   */
  private static final String STREAMS =
      """
      create temporary table streams as select * from (values
        ('alice', date '2024-12-01', 9, '%1$s', 'Never Gonna Give You Up', 'rick astley', 'Rick Astley', 'smartphone', 'android', 5, 1, 1000000),
        ('alice', date '2024-12-01', 21, '%2$s', 'Take On Me', 'a-ha', 'a-ha', 'computer', 'linux', 2, 0, 400000),
        ('alice', date '2024-12-05', 9, '%1$s', 'Never Gonna Give You Up', 'rick astley', 'Rick Astley', 'smartphone', 'android', 3, 2, 600000),
        ('bob', date '2024-12-02', 18, '%2$s', 'Take On Me', 'a-ha', 'a-ha', 'speaker', 'sonos', 4, 1, 900000),
        ('bob', date '2024-11-20', 7, '%3$s', 'Blue Monday', 'new order', 'New Order', 'smartphone', 'ios', 1, 3, 300000)
      ) as s(user_id, listen_date, listen_hour, track_id, track_name, artist_key, artist_name,
             device_type, platform, plays, skips, listening_ms)
      """
          .formatted(NEVER_GONNA, TAKE_ON_ME, BLUE_MONDAY);

  private static final String[] ROWS = {
    """
    insert into gold.daily_track_listening
    select user_id, listen_date, track_id, track_name, artist_key, artist_name,
           sum(plays), sum(skips), sum(listening_ms)
    from streams group by all
    """,
    """
    insert into gold.hourly_listening
    select user_id, listen_date, listen_hour, isodow(listen_date), sum(plays), sum(skips),
           sum(listening_ms)
    from streams group by all
    """,
    """
    insert into gold.daily_device_listening
    select user_id, listen_date, device_type, platform, sum(plays), sum(skips), sum(listening_ms)
    from streams group by all
    """,
    """
    insert into gold.daily_user_stats
    select user_id, listen_date, sum(plays), sum(skips), sum(listening_ms),
           count(distinct track_id), count(distinct artist_name), 0,
           listen_date + interval 9 hour, listen_date + interval 21 hour
    from streams group by user_id, listen_date
    """,
    // A podcast-only day: a stream, so not a gap, but no music.
    """
    insert into gold.daily_user_stats values
      ('alice', date '2024-12-03', 0, 0, 0, 0, 0, 1800000,
       timestamp '2024-12-03 07:00:00', timestamp '2024-12-03 08:00:00')
    """,
    """
    insert into gold.daily_listening_stats
    select user_id, listen_date, plays, skips, listening_ms, unique_tracks, unique_artists
    from gold.daily_user_stats where plays + skips > 0
    """,
    // The period roll-ups over everyone, summed from the day-level track facts as dbt sums them
    // (period_track_listening and friends): each day once per period type.
    """
    create temporary table period_days as
    select period_type,
           case period_type
             when 'all_time' then date '1970-01-01'
             when 'year' then cast(date_trunc('year', listen_date) as date)
             when 'month' then cast(date_trunc('month', listen_date) as date)
             else cast(listen_date - cast(isodow(listen_date) - 1 as integer) as date)
           end as period_start,
           facts.*
    from gold.daily_track_listening as facts
    cross join (values ('all_time'), ('year'), ('month'), ('week')) as periods(period_type)
    """,
    """
    insert into gold.period_track_listening
    select period_type, period_start, track_id,
           substring(max(cast(listen_date as varchar) || track_name), 11),
           substring(max(cast(listen_date as varchar) || artist_key), 11),
           substring(max(cast(listen_date as varchar) || artist_name), 11),
           sum(plays), sum(skips), sum(listening_ms), count(distinct user_id)
    from period_days group by period_type, period_start, track_id
    """,
    """
    insert into gold.period_artist_listening
    select period_type, period_start, artist_key,
           substring(max(cast(listen_date as varchar) || artist_name), 11),
           count(distinct track_id), sum(plays), sum(skips), sum(listening_ms),
           count(distinct user_id)
    from period_days group by period_type, period_start, artist_key
    """,
    """
    insert into gold.period_listening_totals
    select period_type, period_start, sum(plays), sum(skips), sum(listening_ms),
           count(distinct user_id), count(distinct listen_date), min(listen_date),
           max(listen_date), count(distinct track_id), count(distinct artist_name)
    from period_days group by period_type, period_start
    """,
    """
    insert into gold.daily_podcast_listening values
      ('alice', date '2024-12-03', 'Lex Fridman Podcast', 2, 2, 1800000)
    """,
    """
    insert into gold.dead_letter_reasons values
      ('malformed JSON: unexpected end of input', 3, 2), ('ms_played must be >= 0', 1, 1)
    """,
    """
    insert into gold.data_quality_results values
      ('build-dashboard', timestamp '2024-12-06 03:00:00', 'not_null_tracks_track_id', 'data',
       'tracks', 'pass', 0, null),
      ('build-dashboard', timestamp '2024-12-06 03:00:00', 'assert_gold_totals_reconcile', 'data',
       null, 'fail', 2, 'Got 2 results, configured to fail if != 0')
    """,
    """
    insert into gold.user_sessions values
      ('s1', 'alice', 1, timestamp '2024-12-01 09:00:00', timestamp '2024-12-01 10:30:00', 'UTC',
       date '2024-12-01', 9, 5400000, 1000000, 5, 1, 1),
      ('s2', 'alice', 2, timestamp '2024-12-01 21:00:00', timestamp '2024-12-01 21:10:00', 'UTC',
       date '2024-12-01', 21, 600000, 400000, 2, 0, 1),
      ('s3', 'bob', 1, timestamp '2024-12-02 18:00:00', timestamp '2024-12-02 18:20:00', 'UTC',
       date '2024-12-02', 18, 1200000, 900000, 4, 1, 1)
    """,
    """
    insert into gold.year_in_review values
      ('alice', 2024, 2000000, 33.3333, 10, 3, 2, 2, '%1$s', 'Never Gonna Give You Up, Take On Me',
       'rick astley', 'Rick Astley, a-ha', 2, 1, date '2024-12-01', date '2024-12-01', 2, 2),
      ('bob', 2024, 1200000, 20.0, 5, 4, 2, 2, '%2$s', 'Take On Me, Blue Monday', 'a-ha',
       'a-ha, New Order', 2, 1, date '2024-11-20', date '2024-11-20', 2, 2)
    """
        .formatted(NEVER_GONNA, TAKE_ON_ME),
  };

  private DashboardWarehouse() {}

  /**
   * A whole period over everyone (read from the roll-ups) and a custom range that is no whole
   * period but holds the same days with music (read from the day-level facts): every read must
   * give the two the same figures.
   */
  public record SameDays(DashboardFilter wholePeriod, DashboardFilter days) {
    @Override
    public String toString() {
      return wholePeriod.wholePeriodForEveryone().orElseThrow() + " as " + days.describeRange();
    }
  }

  /** The fixture's periods, each of every kind, beside a range of their days with music. */
  public static java.util.List<SameDays> wholePeriodsAndTheirDays() {
    return java.util.List.of(
        new SameDays(DashboardFilter.everything(), custom("2024-11-20", "2024-12-05")),
        new SameDays(custom("2024-01-01", "2024-12-31"), custom("2024-11-01", "2024-12-30")),
        new SameDays(custom("2024-12-01", "2024-12-31"), custom("2024-12-01", "2024-12-30")),
        new SameDays(custom("2024-11-01", "2024-11-30"), custom("2024-11-02", "2024-11-30")),
        // Sunday 1 December is the last day of the week from Monday 25 November.
        new SameDays(custom("2024-11-25", "2024-12-01"), custom("2024-11-26", "2024-12-01")),
        new SameDays(custom("2024-12-02", "2024-12-08"), custom("2024-12-02", "2024-12-07")));
  }

  private static DashboardFilter custom(String from, String to) {
    return new DashboardFilter(
        Period.CUSTOM, java.time.LocalDate.parse(from), java.time.LocalDate.parse(to), null);
  }

  /** Publishes the fixture as build {@code buildId} at {@code published}. */
  public static void publish(Path published, String buildId) {
    try {
      Files.createDirectories(published.getParent());
      Path build = published.resolveSibling("analytics.build.duckdb");
      Files.deleteIfExists(build);
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + build);
          Statement sql = connection.createStatement()) {
        for (String statement : schema().split(";")) {
          if (!statement.isBlank()) {
            sql.execute(statement);
          }
        }
        sql.execute(
            "insert into gold.build_info values ('"
                + buildId
                + "', timestamp '2024-12-06 03:00:00', 30000)");
        sql.execute(STREAMS);
        for (String statement : ROWS) {
          sql.execute(statement);
        }
      }
      Files.move(build, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("Writing the dashboard fixture failed", e);
    }
  }

  /** The gold tables as dbt builds them, comments dropped. */
  private static String schema() throws IOException {
    try (InputStream in = DashboardWarehouse.class.getResourceAsStream("dashboard-gold.sql")) {
      if (in == null) {
        throw new IOException("dashboard-gold.sql is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
    }
  }
}
