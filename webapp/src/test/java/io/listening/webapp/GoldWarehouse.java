package io.listening.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a small gold warehouse the way dbt publishes one (data contract section 3): build into
 * {@code analytics.build.duckdb} next to the target, close it, then rename it over the target.
 */
public final class GoldWarehouse {

  public static final String NEVER_GONNA = "4uLU6hMCjMI75M1A2tKUQC";
  public static final String TAKE_ON_ME = "2WfaOiMkCvy7F5fcp2zZ8L";
  public static final String BLUE_MONDAY = "5z7y3D2MT4Zv7Ow1k8LBC3";
  public static final String DON_T_YOU = "3fH4KjXFYMmljxrcGrbPj9";
  public static final String DERIVED_DEMO = "derived-0123456789abcdef0123456789abcdef";

  /** Only in builds published with {@link #NEW_TRACK_SQL}. */
  public static final String RUNNING_UP = "75FEaRjZTKLhTrFGsfMUXR";

  public static final String UNKNOWN_BUT_WELL_FORMED = "0000000000000000000000";

  /** A listener of the recommendation models: after Never Gonna they play Blue Monday. */
  public static final String ALICE = "user-alice";

  public static final long TOTAL_PLAYS = 1234;
  public static final long TOTAL_SKIPS = 56;
  public static final long UNIQUE_TRACKS = 5;
  public static final long UNIQUE_ARTISTS = 4;
  public static final long UNIQUE_USERS = 3;
  public static final long LISTENING_MS = 45_000_000; // 12.5 hours

  /** Adds a track that becomes the best recommendation for {@link #NEVER_GONNA}. */
  public static final String[] NEW_TRACK_SQL = {
    "insert into gold.tracks values ('"
        + RUNNING_UP
        + "', 'Running Up That Hill', 'Kate Bush', 70, 3)",
    "insert into gold.track_co_occurrence values ('"
        + NEVER_GONNA
        + "', '"
        + RUNNING_UP
        + "', 16, 3, 1.0)",
    "insert into gold.artist_top_tracks values ('" + RUNNING_UP + "', 'kate bush', 70, 3, 1, 6)",
    "update gold.track_transitions set probability = 0.0 where track_id = '" + NEVER_GONNA + "'",
    "insert into gold.track_transitions values ('"
        + NEVER_GONNA
        + "', '"
        + RUNNING_UP
        + "', 20, 3, 9.0, 1.0)",
  };

  private GoldWarehouse() {}

  /**
   * A new temporary data directory; the warehouse goes to {@code warehouse/analytics.duckdb} in it.
   */
  public static Path newDataDir() {
    try {
      return Files.createTempDirectory("webapp-test-data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The gold recommendation models (dbt/models/gold/recommendations) the API ranks from. */
  private static void createRecommendationModels(Statement sql) throws SQLException {
    sql.execute(
        """
        create table gold.artist_top_tracks (
          track_id varchar, artist_key varchar, plays bigint, listeners bigint,
          artist_rank bigint, overall_rank bigint)
        """);
    sql.execute(
        """
        insert into gold.artist_top_tracks values
          ('%s', 'rick astley', 40, 3, 1, 1),
          ('%s', 'a-ha', 35, 2, 1, 2),
          ('%s', 'new order', 20, 2, 1, 3),
          ('%s', 'simple minds', 20, 1, 1, 4),
          ('%s', 'unsigned band', 5, 1, 1, 5)
        """
            .formatted(NEVER_GONNA, TAKE_ON_ME, BLUE_MONDAY, DON_T_YOU, DERIVED_DEMO));
    sql.execute(
        """
        create table gold.user_track_transitions (
          user_id varchar, track_id varchar, next_track_id varchar, transitions bigint,
          sessions bigint, weight double, probability double, recent_weight double,
          recent_probability double, replay_weight double, replay_probability double)
        """);
    sql.execute(
        """
        insert into gold.user_track_transitions values
          ('%s', '%s', '%s', 6, 6, 6.0, 1.0, 3.0, 1.0, 1.75, 1.0),
          ('%1$s', '%4$s', '%5$s', 2, 2, 2.0, 1.0, 1.0, 1.0, 1.5, 1.0)
        """
            .formatted(ALICE, NEVER_GONNA, BLUE_MONDAY, TAKE_ON_ME, DON_T_YOU));
    sql.execute(
        """
        create table gold.user_track_neighbours (
          user_id varchar, track_id varchar, related_track_id varchar, sessions_together bigint,
          track_sessions bigint, share double)
        """);
    sql.execute(
        """
        insert into gold.user_track_neighbours values ('%s', '%s', '%s', 3, 6, 0.5)
        """
            .formatted(ALICE, NEVER_GONNA, TAKE_ON_ME));
    sql.execute(
        """
        create table gold.user_sequence_transitions (
          user_id varchar, previous_track_id varchar, track_id varchar, next_track_id varchar,
          follow_ups bigint, weight double, probability double)
        """);
    sql.execute(
        """
        insert into gold.user_sequence_transitions values ('%s', '%s', '%s', '%s', 2, 1.5, 1.0)
        """
            .formatted(ALICE, TAKE_ON_ME, NEVER_GONNA, BLUE_MONDAY));
    sql.execute(
        """
        create table gold.track_transitions (
          track_id varchar, next_track_id varchar, transitions bigint, listeners bigint,
          weight double, probability double)
        """);
    sql.execute(
        """
        insert into gold.track_transitions values
          ('%s', '%s', 8, 3, 6.0, 0.75),
          ('%1$s', '%3$s', 6, 1, 2.0, 0.25)
        """
            .formatted(NEVER_GONNA, TAKE_ON_ME, BLUE_MONDAY));
    sql.execute(
        """
        create table gold.user_track_recency (
          user_id varchar, track_id varchar, artist_key varchar, plays bigint,
          last_played_at timestamp, recency_weight double, familiarity double)
        """);
    sql.execute(
        """
        insert into gold.user_track_recency values
          ('%s', '%s', 'rick astley', 10, '2024-12-01 20:00:00', 4.0, 1.0),
          ('%1$s', '%3$s', 'new order', 6, '2024-12-01 20:04:00', 2.0, 0.5)
        """
            .formatted(ALICE, NEVER_GONNA, BLUE_MONDAY));
    sql.execute(
        "create table gold.user_artist_preference (user_id varchar, artist_key varchar,"
            + " scaled_affinity double)");
    sql.execute(
        "insert into gold.user_artist_preference values ('%s', 'rick astley', 1.0),"
                .formatted(ALICE)
            + " ('%s', 'new order', 0.0)".formatted(ALICE));
  }

  /** Publishes a build with the fixed rows above, then runs {@code extraSql} in the build. */
  public static void publish(Path published, String buildId, String... extraSql)
      throws IOException, SQLException {
    Files.createDirectories(published.getParent());
    Path build = published.resolveSibling("analytics.build.duckdb");
    Files.deleteIfExists(build);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + build);
        Statement sql = connection.createStatement()) {
      sql.execute("create schema gold");
      sql.execute(
          """
          create table gold.listening_totals (
            total_plays bigint, total_skips bigint, unique_tracks bigint, unique_artists bigint,
            unique_users bigint, listening_ms bigint, first_played_at timestamp,
            last_played_at timestamp)
          """);
      sql.execute(
          """
          insert into gold.listening_totals values
            (%d, %d, %d, %d, %d, %d, '2024-11-01 08:00:00', '2024-12-01 23:30:00')
          """
              .formatted(
                  TOTAL_PLAYS,
                  TOTAL_SKIPS,
                  UNIQUE_TRACKS,
                  UNIQUE_ARTISTS,
                  UNIQUE_USERS,
                  LISTENING_MS));
      sql.execute(
          """
create table gold.tracks (
  track_id varchar, track_name varchar, artist_name varchar, plays bigint, listeners bigint)
""");
      sql.execute(
          """
          insert into gold.tracks values
            ('%s', 'Never Gonna Give You Up', 'Rick Astley', 40, 3),
            ('%s', 'Take On Me', 'a-ha', 35, 2),
            ('%s', 'Blue Monday', 'New Order', 20, 2),
            ('%s', 'Don''t You (Forget About Me)', 'Simple Minds', 20, 1),
            ('%s', 'Demo Tape', 'Unsigned Band', 5, 1)
          """
              .formatted(NEVER_GONNA, TAKE_ON_ME, BLUE_MONDAY, DON_T_YOU, DERIVED_DEMO));
      sql.execute(
          """
          create table gold.track_co_occurrence (
            track_id varchar, related_track_id varchar, co_occurrences bigint, listeners bigint,
            score double)
          """);
      sql.execute(
          """
          insert into gold.track_co_occurrence values
            ('%1$s', '%2$s', 8, 3, 1.0),
            ('%1$s', '%4$s', 4, 1, 0.5),
            ('%1$s', '%3$s', 4, 2, 0.5),
            ('%1$s', '%5$s', 2, 1, 0.25),
            ('%2$s', '%1$s', 8, 3, 1.0)
          """
              .formatted(NEVER_GONNA, TAKE_ON_ME, BLUE_MONDAY, DON_T_YOU, DERIVED_DEMO));
      createRecommendationModels(sql);
      sql.execute("create table gold.build_info (build_id varchar, built_at timestamp)");
      sql.execute(
          "insert into gold.build_info values ('"
              + buildId
              + "', timestamp '2024-12-02 03:00:00')");
      for (String statement : extraSql) {
        sql.execute(statement);
      }
    }
    Files.move(
        build, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
