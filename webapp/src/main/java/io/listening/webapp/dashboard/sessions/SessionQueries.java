package io.listening.webapp.dashboard.sessions;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FactQuery;
import io.listening.webapp.warehouse.Warehouse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Sessions from gold.user_sessions (a user's plays with gaps under var('session_gap_minutes')),
 * by the local day they started.
 */
@Service
class SessionQueries {

  static final int LONGEST = 10;

  /** Upper bounds of the length buckets in minutes; the last bucket is open. */
  static final List<Integer> BUCKET_MINUTES = List.of(15, 30, 60, 120, 240);

  private static final String BUCKETS_SQL =
      """
      select case %s else %d end as bucket, count(*) as sessions, sum(length_ms) as length_ms
      from gold.user_sessions
      where {filter}
      group by bucket
      """;

  private static final String LONGEST_SQL =
      """
      select user_id, started_at, time_zone, length_ms, tracks, skips, unique_tracks
      from gold.user_sessions
      where {filter}
      order by length_ms desc, user_id, session_number
      limit ?
      """;

  /** One session; {@code localStart} is its first stream's start in the listener's time zone. */
  record Session(String userId, LocalDateTime localStart, long lengthMs, long tracks, long skips) {}

  private final Warehouse warehouse;

  SessionQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Sessions per length bucket, index i counting lengths under BUCKET_MINUTES[i]. */
  long[] lengthDistribution(DashboardFilter filter) {
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < BUCKET_MINUTES.size(); i++) {
      cases.append("when length_ms < ").append(BUCKET_MINUTES.get(i) * 60_000L).append(" then ").append(i).append(' ');
    }
    String sql = BUCKETS_SQL.formatted(cases, BUCKET_MINUTES.size());
    return warehouse.read(
        (connection, build) -> {
          long[] buckets = new long[BUCKET_MINUTES.size() + 1];
          FactQuery.of(sql, filter, "local_start_date")
              .list(connection, row -> buckets[row.getInt("bucket")] = row.getLong("sessions"));
          return buckets;
        });
  }

  /**
   * A UTC instant of the warehouse (timestamps without zone, in UTC) in the listener's zone, the
   * zone gold recorded for the session (dbt's utc_to_local_timestamp does the same for its local
   * days and hours).
   */
  static LocalDateTime localStart(LocalDateTime startedAtUtc, String timeZone) {
    return startedAtUtc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZoneId.of(timeZone)).toLocalDateTime();
  }

  List<Session> longest(DashboardFilter filter) {
    return warehouse.read(
        (connection, build) ->
            FactQuery.of(LONGEST_SQL, filter, "local_start_date")
                .with(LONGEST)
                .list(
                    connection,
                    row ->
                        new Session(
                            row.getString("user_id"),
                            localStart(
                                row.getObject("started_at", LocalDateTime.class), row.getString("time_zone")),
                            row.getLong("length_ms"),
                            row.getLong("tracks"),
                            row.getLong("skips"))));
  }
}
