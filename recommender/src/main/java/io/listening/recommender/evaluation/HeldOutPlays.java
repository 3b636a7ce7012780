package io.listening.recommender.evaluation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A held-out period's plays from the full warehouse's sessions ({@code silver.int_plays_sessionized},
 * so the session gap is the build's {@code session_gap_minutes}), per listener.
 */
final class HeldOutPlays {

  private final Map<String, List<HeldOutSession>> sessionsByUser;

  private HeldOutPlays(Map<String, List<HeldOutSession>> sessionsByUser) {
    this.sessionsByUser = sessionsByUser;
  }

  /** Reads them on a connection with {@code whole} attached and {@code split_cuts} created. */
  static HeldOutPlays read(Connection connection, TemporalSplit.Period period) throws SQLException {
    Map<String, List<HeldOutSession>> byUser = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                """
                select p.user_id, p.session_id, p.track_id
                from whole.silver.int_plays_sessionized as p
                join split_cuts as cut on cut.user_id = p.user_id
                where p.is_counted_play and %s
                order by p.user_id, p.user_session_number, p.played_at, p.play_id
                """
                    .formatted(TemporalSplit.heldOutCondition(period, "p.played_at")))) {
      String user = null;
      String session = null;
      List<String> tracks = new ArrayList<>();
      while (row.next()) {
        if (!row.getString(2).equals(session)) {
          if (session != null) {
            byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(new HeldOutSession(user, session, tracks));
          }
          user = row.getString(1);
          session = row.getString(2);
          tracks = new ArrayList<>();
        }
        tracks.add(row.getString(3));
      }
      if (session != null) {
        byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(new HeldOutSession(user, session, tracks));
      }
    }
    return new HeldOutPlays(byUser);
  }

  Set<String> users() {
    return sessionsByUser.keySet();
  }

  List<HeldOutSession> sessions(String userId) {
    return sessionsByUser.getOrDefault(userId, List.of());
  }

  /** Every track the listener played in the period. */
  Set<String> tracks(String userId) {
    Set<String> tracks = new LinkedHashSet<>();
    sessions(userId).forEach(session -> tracks.addAll(session.trackIds()));
    return tracks;
  }
}
