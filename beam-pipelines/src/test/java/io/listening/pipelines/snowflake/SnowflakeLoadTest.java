package io.listening.pipelines.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.pipelines.lake.LakeSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load's SQL and file listing, without Snowflake; SnowflakeLoadIT runs them on fakesnow. */
class SnowflakeLoadTest {

  private static final String BATCH = "w20240601T100000-20240601T110000";

  private final SnowflakeLoad load =
      SnowflakeLoad.fromOptions(
              SnowflakeLoadConfigTest.options("--snowflakeUrl=jdbc:snowflake://a.snowflakecomputing.com/"),
              Map.of("SNOWFLAKE_PASSWORD", "x")::get)
          .orElseThrow();

  @Test
  void theBatchsFilesAreItsHourPartitionsWhateverTheShardSuffix(@TempDir Path lake) throws IOException {
    touch(lake, "plays/year=2024/month=06/day=01/hour=10/" + BATCH + "-00000-of-00002.parquet");
    touch(lake, "plays/year=2024/month=06/day=01/hour=10/" + BATCH + "-00001-of-00002.parquet");
    touch(lake, "plays/year=2024/month=06/day=01/hour=11/" + BATCH + "-part-7.parquet");
    touch(lake, "plays/year=2024/month=06/day=01/hour=10/w20240601T090000-20240601T100000-00000-of-00001.parquet");
    touch(lake, "plays/.temp-beam-123/" + BATCH + "-00000-of-00001.parquet");
    touch(lake, "dead_letter/batch=" + BATCH + "/part-00000-of-00001.parquet");

    assertThat(SnowflakeLoad.batchFiles(lake.toString(), BATCH))
        .containsExactly(
            "year=2024/month=06/day=01/hour=10/" + BATCH + "-00000-of-00002.parquet",
            "year=2024/month=06/day=01/hour=10/" + BATCH + "-00001-of-00002.parquet",
            "year=2024/month=06/day=01/hour=11/" + BATCH + "-part-7.parquet");
    assertThat(SnowflakeLoad.batchFiles(lake + "/", BATCH)).hasSize(3);
    assertThat(SnowflakeLoad.batchFiles(lake.toString(), "w20240602T000000-20240602T010000")).isEmpty();
  }

  @Test
  void theBatchsDeadLettersAreTheFilesOfItsBatchFolder(@TempDir Path lake) throws IOException {
    touch(lake, "dead_letter/batch=" + BATCH + "/spotify-plays-1.parquet");
    touch(lake, "dead_letter/batch=" + BATCH + "/spotify-plays-0.parquet");
    touch(lake, "dead_letter/batch=w20240601T090000-20240601T100000/spotify-plays-0.parquet");
    touch(lake, "plays/year=2024/month=06/day=01/hour=10/" + BATCH + "-00000-of-00001.parquet");

    assertThat(SnowflakeLoad.deadLetterFiles(lake.toString(), BATCH))
        .containsExactly("spotify-plays-0.parquet", "spotify-plays-1.parquet");
    assertThat(SnowflakeLoad.deadLetterFiles(lake.toString(), "w20240602T000000-20240602T010000")).isEmpty();
  }

  @Test
  void theDeadLettersOfABatchAreReplacedFromItsFolder() {
    assertThat(load.deleteBatchDeadLetters()).isEqualTo("DELETE FROM LISTENING.LAKE.DEAD_LETTER WHERE BATCH = ?");
    assertThat(load.copyDeadLetters(BATCH, List.of("spotify-plays-0.parquet")))
        .isEqualTo(
            "COPY INTO LISTENING.LAKE.DEAD_LETTER FROM @LISTENING.LAKE.LAKE_STAGE/dead_letter/batch=" + BATCH + "/"
                + " FILES = ('spotify-plays-0.parquet')"
                + " FILE_FORMAT = (TYPE = PARQUET USE_LOGICAL_TYPE = TRUE)"
                + " MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE FORCE = TRUE");
  }

  @Test
  void theCopyNamesItsFilesRelativeToTheStagesPlaysFolder() {
    assertThat(load.copyIntoStaging(List.of("year=2024/month=06/day=01/hour=10/a.parquet", "year=2024/month=06/day=01/hour=11/b.parquet")))
        .isEqualTo(
            "COPY INTO LISTENING.LAKE.PLAYS_STAGING FROM @LISTENING.LAKE.LAKE_STAGE/plays/"
                + " FILES = ('year=2024/month=06/day=01/hour=10/a.parquet',"
                + " 'year=2024/month=06/day=01/hour=11/b.parquet')"
                + " FILE_FORMAT = (TYPE = PARQUET USE_LOGICAL_TYPE = TRUE)"
                + " MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE FORCE = TRUE");
  }

  @Test
  void theInsertTakesEachNewEventOnceAndEveryLakeColumn() {
    String insert = load.insertNewEvents();

    assertThat(insert)
        .startsWith("INSERT INTO LISTENING.LAKE.PLAYS (EVENT_ID, EVENT_TYPE, USER_ID,")
        .contains("KAFKA_TIMESTAMP, BATCH, LOADED_AT) SELECT EVENT_ID,")
        .contains("QUALIFY ROW_NUMBER() OVER (PARTITION BY EVENT_ID ORDER BY KAFKA_TIMESTAMP")
        .endsWith("WHERE NOT EXISTS (SELECT 1 FROM LISTENING.LAKE.PLAYS b WHERE b.EVENT_ID = s.EVENT_ID)");
    assertThat(insert.chars().filter(c -> c == '?').count()).as("one parameter, the batch").isEqualTo(1);
  }

  @Test
  void setupSqlDeclaresExactlyTheLakesColumnsInStagingAndDeadLettersAndTheBatchAndLoadTimeInBronze() throws IOException {
    String setup = Files.readString(Path.of("snowflake/setup.sql"));

    assertThat(columns(setup, "LISTENING.LAKE.PLAYS_STAGING")).isEqualTo(SnowflakeLoad.LAKE_COLUMNS);
    List<String> bronze = new ArrayList<>(SnowflakeLoad.LAKE_COLUMNS);
    bronze.addAll(SnowflakeLoad.BRONZE_COLUMNS);
    assertThat(columns(setup, "LISTENING.LAKE.PLAYS")).isEqualTo(bronze);
    assertThat(columns(setup, "LISTENING.LAKE.DEAD_LETTER"))
        .as("the dead-letter files' columns")
        .isEqualTo(
            LakeSchemas.DEAD_LETTER.getFields().stream()
                .map(f -> f.name().toUpperCase(Locale.ROOT))
                .toList());
  }

  private static List<String> columns(String sql, String table) {
    Matcher create =
        Pattern.compile("CREATE TABLE IF NOT EXISTS " + Pattern.quote(table) + " \\((.*?)\\n\\);", Pattern.DOTALL)
            .matcher(sql);
    assertThat(create.find()).as("setup.sql creates " + table).isTrue();
    return Arrays.stream(create.group(1).split(",\\s*\\n"))
        .map(String::strip)
        .map(line -> line.split("\\s+")[0])
        .toList();
  }

  private static void touch(Path lake, String file) throws IOException {
    Path path = lake.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, "");
  }
}
