package io.listening.pipelines.snowflake;

import io.listening.events.LakeLayout;
import io.listening.pipelines.lake.LakeSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one batch's lake files into Snowflake so a rerun adds nothing: in one transaction, empty the
 * staging table, {@code COPY INTO} it the batch's Parquet files straight from the external stage over
 * the lake (no data passes through this process), check the staged rows against the manifest, and
 * insert into bronze the staged events whose {@code event_id} bronze does not hold yet; then replace
 * the batch's rows of the dead-letter table with its dead-letter files, checked against the manifest
 * too.
 *
 * <p>The insert is the insert-only {@code MERGE ... WHEN NOT MATCHED THEN INSERT} written as {@code
 * INSERT ... WHERE NOT EXISTS}: the same rows in Snowflake, and the form the fakesnow stand-in can
 * run inside a transaction (its MERGE cannot). The staging table's {@code DELETE} locks it until the
 * commit, so two loads at once (an hourly run during a backfill) take turns instead of emptying each
 * other's staging rows.
 */
public final class SnowflakeLoad {

  private static final Logger LOG = LoggerFactory.getLogger(SnowflakeLoad.class);

  /** Snowflake takes at most 1,000 names in one COPY's FILES list. */
  static final int MAX_FILES_PER_COPY = 1000;

  /** Lake columns, in the order of the lake schema; bronze adds {@link #BRONZE_COLUMNS}. */
  static final List<String> LAKE_COLUMNS =
      LakeSchemas.PLAY_EVENT.getFields().stream()
          .map(Schema.Field::name)
          .map(name -> name.toUpperCase(Locale.ROOT))
          .toList();

  static final List<String> BRONZE_COLUMNS = List.of("BATCH", "LOADED_AT");

  static {
    // The driver logs through java.util.logging unless told otherwise; through SLF4J its lines go
    // where the job's go, at the levels logback.xml sets.
    if (System.getProperty("net.snowflake.jdbc.loggerImpl") == null) {
      System.setProperty("net.snowflake.jdbc.loggerImpl", "net.snowflake.client.log.SLF4JLogger");
    }
  }

  private final SnowflakeLoadConfig config;

  SnowflakeLoad(SnowflakeLoadConfig config) {
    this.config = config;
  }

  /**
   * The load the options ask for: empty unless {@code --snowflakeUrl} is set. Throws {@link
   * IllegalArgumentException} for a wrong setting, before anything runs.
   */
  public static Optional<SnowflakeLoad> fromOptions(SnowflakeLoadOptions options) {
    return fromOptions(options, System::getenv);
  }

  static Optional<SnowflakeLoad> fromOptions(SnowflakeLoadOptions options, UnaryOperator<String> env) {
    return SnowflakeLoadConfig.of(options, env).map(SnowflakeLoad::new);
  }

  /** The bronze table, {@code DATABASE.SCHEMA.TABLE}. */
  public String target() {
    return config.qualified(config.table());
  }

  /**
   * Loads batch {@code batch} from {@code lakeDir}, whose manifest counts {@code expectedRows} valid
   * events and {@code expectedDeadLetters} dead letters. Either everything is committed or nothing:
   * a failure throws {@link SnowflakeLoadException} with Snowflake as it was.
   */
  public SnowflakeLoadResult load(String lakeDir, String batch, long expectedRows, long expectedDeadLetters) {
    List<String> files = batchFiles(lakeDir, batch);
    List<String> deadLetterFiles = deadLetterFiles(lakeDir, batch);
    requireFiles(files, expectedRows, batch, "valid events", "plays", lakeDir);
    requireFiles(deadLetterFiles, expectedDeadLetters, batch, "dead letters", "dead-letter", lakeDir);
    if (files.isEmpty() && deadLetterFiles.isEmpty()) {
      LOG.info("Batch {} wrote no plays and no dead letters, so there is nothing to load into {}.", batch, target());
      return new SnowflakeLoadResult(batch, 0, 0, 0, 0);
    }
    LOG.info(
        "Batch {} loads {} lake files ({} rows) into {} and {} dead-letter files ({} rows) into {}.",
        batch, files.size(), expectedRows, target(), deadLetterFiles.size(), expectedDeadLetters,
        deadLetterTarget());
    try (Connection connection = connect()) {
      SnowflakeLoadResult result =
          loadInTransaction(connection, batch, files, expectedRows, deadLetterFiles, expectedDeadLetters);
      LOG.info(
          "Batch {} is in Snowflake: {} rows staged from {} files, {} new in {}, {} there already;"
              + " {} dead letters in {}.",
          batch, result.stagedRows(), result.files(), result.insertedRows(), target(),
          result.skippedRows(), result.deadLetters(), deadLetterTarget());
      return result;
    } catch (SQLException e) {
      // Only closing the connection gets here; the transaction has committed or rolled back.
      throw new SnowflakeLoadException(
          "Snowflake did not close the connection after loading batch " + batch + ": " + oneLine(e), e);
    }
  }

  /** The dead-letter table, {@code DATABASE.SCHEMA.TABLE}. */
  public String deadLetterTarget() {
    return config.qualified(config.deadLetterTable());
  }

  private void requireFiles(
      List<String> files, long expected, String batch, String what, String kind, String lakeDir) {
    if (files.isEmpty() && expected != 0) {
      throw new SnowflakeLoadException(
          "Batch " + batch + " counts " + expected + " " + what + " but " + lakeDir + " holds none of its "
              + kind + " files, so nothing was loaded into " + target() + ".");
    }
  }

  private SnowflakeLoadResult loadInTransaction(
      Connection connection,
      String batch,
      List<String> files,
      long expectedRows,
      List<String> deadLetterFiles,
      long expectedDeadLetters) {
    try {
      connection.setAutoCommit(false);
      long staged = 0;
      long inserted;
      long deadLetters = 0;
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate(deleteStaging());
        for (List<String> chunk : chunks(files, MAX_FILES_PER_COPY)) {
          staged += statement.executeUpdate(copyIntoStaging(chunk));
        }
      }
      if (staged != expectedRows) {
        throw new SnowflakeLoadException(
            "Batch " + batch + " does not reconcile with Snowflake: " + staged + " rows staged from "
                + files.size() + " files, but its manifest counts " + expectedRows
                + " valid events; nothing was loaded into " + target() + ". Check that stage "
                + config.qualified(config.stage()) + " points at the lake root.");
      }
      try (PreparedStatement insert = connection.prepareStatement(insertNewEvents())) {
        insert.setString(1, batch);
        inserted = insert.executeUpdate();
      }
      try (PreparedStatement delete = connection.prepareStatement(deleteBatchDeadLetters())) {
        delete.setString(1, batch);
        delete.executeUpdate();
      }
      try (Statement statement = connection.createStatement()) {
        for (List<String> chunk : chunks(deadLetterFiles, MAX_FILES_PER_COPY)) {
          deadLetters += statement.executeUpdate(copyDeadLetters(batch, chunk));
        }
      }
      if (deadLetters != expectedDeadLetters) {
        throw new SnowflakeLoadException(
            "Batch " + batch + " does not reconcile with Snowflake: " + deadLetters + " dead letters"
                + " copied from " + deadLetterFiles.size() + " files, but its manifest counts "
                + expectedDeadLetters + "; nothing was loaded into " + target() + " or "
                + deadLetterTarget() + ".");
      }
      connection.commit();
      return new SnowflakeLoadResult(batch, files.size(), staged, inserted, deadLetters);
    } catch (SQLException e) {
      rollback(connection);
      throw new SnowflakeLoadException(
          "Loading batch " + batch + " into " + target() + " failed, so Snowflake is unchanged (the"
              + " lake and the manifest are written; rerun the window to load it): " + oneLine(e), e);
    } catch (RuntimeException e) {
      rollback(connection);
      throw e;
    }
  }

  private Connection connect() {
    try {
      return DriverManager.getConnection(config.url(), config.connectionProperties());
    } catch (SQLException e) {
      throw new SnowflakeLoadException(
          "Could not connect to Snowflake at " + config.url() + " as " + config.user()
              + ", so nothing was loaded: " + oneLine(e), e);
    }
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // A transaction that was never committed is dropped by Snowflake when the session ends.
      LOG.warn("Rolling back the Snowflake load failed too ({}); the session's end discards it.", oneLine(e));
    }
  }

  String deleteStaging() {
    return "DELETE FROM " + config.qualified(config.stagingTable());
  }

  /**
   * COPY of the named files, paths relative to the stage's {@code plays/} folder. FILES, not a
   * PATTERN: the load knows its files, and Snowflake then lists no other path of the stage. FORCE,
   * because Snowflake would skip a file its load history has seen (a rerun), and the staging table
   * must hold the whole batch to reconcile it.
   */
  String copyIntoStaging(List<String> relativeFiles) {
    String names =
        relativeFiles.stream().map(SnowflakeLoad::literal).collect(Collectors.joining(", "));
    return "COPY INTO " + config.qualified(config.stagingTable())
        + " FROM @" + config.qualified(config.stage()) + "/" + LakeLayout.PLAYS_DIR + "/"
        + " FILES = (" + names + ")"
        // Logical types: Parquet's UTC-adjusted timestamp millis load as timestamps, not numbers.
        + " FILE_FORMAT = (TYPE = PARQUET USE_LOGICAL_TYPE = TRUE)"
        + " MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE"
        + " FORCE = TRUE";
  }

  /**
   * The dead-letter table mirrors the lake's dead_letter folder, where a rerun of a window rewrites
   * its batch's files: so a load replaces the batch's rows. Parameter 1 is the batch name.
   */
  String deleteBatchDeadLetters() {
    return "DELETE FROM " + deadLetterTarget() + " WHERE BATCH = ?";
  }

  /** COPY of the batch's dead-letter files, paths relative to its {@code dead_letter/batch=} folder. */
  String copyDeadLetters(String batch, List<String> fileNames) {
    String names = fileNames.stream().map(SnowflakeLoad::literal).collect(Collectors.joining(", "));
    return "COPY INTO " + deadLetterTarget()
        + " FROM @" + config.qualified(config.stage()) + "/" + LakeLayout.DEAD_LETTER_DIR
        + "/batch=" + batch + "/"
        + " FILES = (" + names + ")"
        + " FILE_FORMAT = (TYPE = PARQUET USE_LOGICAL_TYPE = TRUE)"
        + " MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE"
        + " FORCE = TRUE";
  }

  /**
   * Staged events that bronze lacks, each once: of a batch's rows with the same event_id the first
   * to arrive in Kafka, as silver keeps the earliest arrival. Parameter 1 is the batch name.
   */
  String insertNewEvents() {
    String lakeColumns = String.join(", ", LAKE_COLUMNS);
    String bronze = config.qualified(config.table());
    return "INSERT INTO " + bronze + " (" + lakeColumns + ", " + String.join(", ", BRONZE_COLUMNS) + ")"
        + " SELECT " + lakeColumns + ", ?, CURRENT_TIMESTAMP() FROM ("
        + "SELECT * FROM " + config.qualified(config.stagingTable())
        + " QUALIFY ROW_NUMBER() OVER (PARTITION BY EVENT_ID"
        + " ORDER BY KAFKA_TIMESTAMP, KAFKA_TOPIC, KAFKA_PARTITION, KAFKA_OFFSET) = 1) s"
        + " WHERE NOT EXISTS (SELECT 1 FROM " + bronze + " b WHERE b.EVENT_ID = s.EVENT_ID)";
  }

  /**
   * The batch's plays files as paths relative to {@code <lakeDir>/plays/}, sorted: every hour
   * partition's {@code <batch>-*.parquet}, whatever the shard suffix. The glob is the readers' one,
   * so Beam's temporary files are never loaded.
   */
  static List<String> batchFiles(String lakeDir, String batch) {
    String lake = lakeDir.endsWith("/") ? lakeDir.substring(0, lakeDir.length() - 1) : lakeDir;
    String glob =
        lake + "/" + LakeLayout.PLAYS_DIR + "/year=*/month=*/day=*/hour=*/" + batch + "-*.parquet";
    try {
      MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
      List<String> files = new ArrayList<>();
      for (MatchResult.Metadata file : match.metadata()) {
        files.add(relativeToPlays(file.resourceId().toString()));
      }
      files.sort(null);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the lake files of batch " + batch + " in " + glob, e);
    }
  }

  /** The batch's dead-letter file names in {@code <lakeDir>/dead_letter/batch=<batch>/}, sorted. */
  static List<String> deadLetterFiles(String lakeDir, String batch) {
    String lake = lakeDir.endsWith("/") ? lakeDir.substring(0, lakeDir.length() - 1) : lakeDir;
    String glob = lake + "/" + LakeLayout.DEAD_LETTER_DIR + "/batch=" + batch + "/*.parquet";
    try {
      MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
      List<String> files = new ArrayList<>();
      for (MatchResult.Metadata file : match.metadata()) {
        files.add(file.resourceId().getFilename());
      }
      files.sort(null);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the dead letters of batch " + batch + " in " + glob, e);
    }
  }

  /** {@code year=/month=/day=/hour=/file}: the glob fixes the depth, so the last five segments. */
  private static String relativeToPlays(String path) {
    List<String> segments = Arrays.asList(path.split("/"));
    return String.join("/", segments.subList(segments.size() - 5, segments.size()));
  }

  private static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      chunks.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return chunks;
  }

  private static String oneLine(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
