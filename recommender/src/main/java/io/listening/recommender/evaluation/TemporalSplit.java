package io.listening.recommender.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The evaluation's split, decided once here: per listener, counted music plays in order of
 * {@code played_at}; the last {@code heldOutShare} of them are the test period, and the last
 * {@code heldOutShare} of the rest the validation period. A period starts at the instant of its
 * first play, so every play at or after it belongs to it. The training warehouses are built from
 * lakes cut at those instants ({@link #writeLake}), so every gold table they hold, the served
 * model's and the baselines' alike, saw nothing of the period it is scored on.
 */
public final class TemporalSplit {

  /** Which part of the history a warehouse is built from, and which part it is scored on. */
  public enum Period {
    /** Trained on everything before the test period, scored on the test period. */
    TEST,
    /** Trained on everything before the validation period, scored on the validation period. */
    VALIDATION
  }

  private final double heldOutShare;

  public TemporalSplit(double heldOutShare) {
    if (!(heldOutShare > 0 && heldOutShare < 1)) {
      throw new IllegalArgumentException("the held-out share must lie in (0, 1), was " + heldOutShare);
    }
    this.heldOutShare = heldOutShare;
  }

  /**
   * Creates the temporary table {@code split_cuts} (user_id, validation_start_at, test_start_at) on
   * {@code connection}, which has the full warehouse attached as {@code whole}.
   */
  public void createCuts(Connection connection) throws SQLException {
    double keep = 1 - heldOutShare;
    try (Statement statement = connection.createStatement()) {
      statement.execute("set TimeZone = 'UTC'");
      statement.execute(
          """
          create or replace temporary table split_cuts as
          with plays as (
              select
                  user_id,
                  played_at,
                  row_number() over (partition by user_id order by played_at, play_id) as position,
                  count(*) over (partition by user_id) as plays
              from whole.silver.int_plays_sessionized
              where is_counted_play
          ),
          sizes as (
              select *, floor(plays * %1$s) as training_plays from plays
          )
          select
              user_id,
              min(case when position > floor(training_plays * %1$s) then played_at end)
                  as validation_start_at,
              min(case when position > training_plays then played_at end) as test_start_at
          from sizes
          group by user_id
          """
              .formatted(Double.toString(keep)));
    }
  }

  /** The SQL condition (on {@code split_cuts} as {@code cut}) of a play of {@code period}. */
  static String heldOutCondition(Period period, String playedAt) {
    return switch (period) {
      case TEST -> playedAt + " >= cut.test_start_at";
      case VALIDATION ->
          playedAt + " >= cut.validation_start_at and " + playedAt + " < cut.test_start_at";
    };
  }

  /** The SQL condition of a play the warehouse for {@code period} is trained on. */
  static String trainingCondition(Period period, String playedAt) {
    return switch (period) {
      case TEST -> "(cut.test_start_at is null or " + playedAt + " < cut.test_start_at)";
      case VALIDATION ->
          "(cut.validation_start_at is null or " + playedAt + " < cut.validation_start_at)";
    };
  }

  /**
   * Copies the lake at {@code lake} to {@code target}, each plays file holding only the rows the
   * warehouse for {@code period} trains on; everything else (dead letters, manifests) as it is.
   * Listeners without a counted music play keep all their rows. Returns the plays rows written.
   */
  public long writeLake(Connection connection, Path lake, Path target, Period period)
      throws SQLException, IOException {
    if (Files.exists(target)) {
      throw new IOException(target + " exists; the training lake is written into a new folder");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(lake)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    long rows = 0;
    for (Path file : files) {
      Path relative = lake.relativize(file);
      Path copy = target.resolve(relative);
      Files.createDirectories(copy.getParent());
      if (!relative.startsWith("plays") || !file.toString().endsWith(".parquet")) {
        Files.copy(file, copy);
        continue;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            """
            copy (
                select lake.* from read_parquet(%s, hive_partitioning = false) as lake
                left join split_cuts as cut on cut.user_id = lake.user_id
                where %s
            ) to %s (format parquet)
            """
                .formatted(
                    sqlString(file.toString()),
                    trainingCondition(period, "lake.played_at"),
                    sqlString(copy.toString())));
        try (ResultSet count =
            statement.executeQuery("select count(*) from read_parquet(" + sqlString(copy.toString()) + ", hive_partitioning = false)")) {
          count.next();
          rows += count.getLong(1);
        }
      }
    }
    return rows;
  }

  /** Per listener: counted plays in training and in each held-out period, for the log. */
  public List<String> describe(Connection connection) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                """
                select p.user_id,
                       count(*) filter (where p.played_at < cut.validation_start_at),
                       count(*) filter (where p.played_at >= cut.validation_start_at
                                          and p.played_at < cut.test_start_at),
                       count(*) filter (where p.played_at >= cut.test_start_at),
                       cut.test_start_at
                from whole.silver.int_plays_sessionized as p
                join split_cuts as cut on cut.user_id = p.user_id
                where p.is_counted_play
                group by p.user_id, cut.test_start_at
                order by p.user_id
                """)) {
      while (row.next()) {
        lines.add(
            String.format(
                "%s: %d plays to fit, %d to validate, %d to test (from %s)",
                row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getString(5)));
      }
    }
    return lines;
  }

  static String sqlString(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
