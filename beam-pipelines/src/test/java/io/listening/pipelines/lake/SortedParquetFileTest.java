package io.listening.pipelines.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedParquetFileTest {

  @TempDir Path dir;

  @Test
  void writesRowsSortedByUserThenPlayedAtWhetherOrNotTheySpill() throws Exception {
    List<GenericRecord> rows = shuffledRows(1_000);
    Path inMemory = write(rows, 10_000);
    Path spilled = write(rows, 64);

    for (Path file : List.of(inMemory, spilled)) {
      assertThat(query("select user_id || '|' || epoch_ms(played_at) from read_parquet('" + file + "')"))
          .hasSize(1_000)
          .isSortedAccordingTo(SortedParquetFileTest::byUserThenTime);
    }
    assertThat(Files.readAllBytes(spilled))
        .as("spilling changes how the rows are sorted, not the file")
        .isEqualTo(Files.readAllBytes(inMemory));
    try (var spills = Files.list(dir.resolve("spill"))) {
      assertThat(spills).as("spill files are removed once the file is written").isEmpty();
    }
  }

  @Test
  void rowGroupStatisticsBoundTheUsersOfEachRowGroup() throws Exception {
    Path file = write(shuffledRows(500), 100);

    assertThat(
            query(
                "select stats_min_value || '..' || stats_max_value from parquet_metadata('" + file
                    + "') where path_in_schema = 'user_id'"))
        .containsExactly("user-00..user-09");
  }

  private Path write(List<GenericRecord> rows, int bufferRows) throws Exception {
    Path file = dir.resolve("sorted-" + bufferRows + ".parquet");
    try (SortedParquetFile sorted =
        new SortedParquetFile(LakeSchemas.PLAY_EVENT, bufferRows, dir.resolve("spill"))) {
      rows.forEach(sorted::add);
      assertThat(sorted.rows()).isEqualTo(rows.size());
      sorted.writeTo(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
    }
    return file;
  }

  private static List<GenericRecord> shuffledRows(int count) {
    Random random = new Random(7);
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      GenericRecord row = new GenericData.Record(LakeSchemas.PLAY_EVENT);
      row.put("event_id", "e" + i);
      row.put("event_type", "play");
      row.put("user_id", String.format("user-%02d", random.nextInt(10)));
      row.put("track_id", "t");
      row.put("track_name", "Track");
      row.put("artist_name", "Artist");
      row.put("ms_played", 1000L);
      row.put("played_at", 1_700_000_000_000L + random.nextInt(1_000_000) * 1000L);
      row.put("source", "simulator");
      row.put("ingested_at", 1_700_000_000_000L);
      row.put("kafka_topic", "spotify-plays");
      row.put("kafka_partition", 0);
      row.put("kafka_offset", (long) i);
      row.put("kafka_timestamp", 1_700_000_000_000L);
      rows.add(row);
    }
    return rows;
  }

  private static int byUserThenTime(String a, String b) {
    String[] left = a.split("\\|");
    String[] right = b.split("\\|");
    int users = left[0].compareTo(right[0]);
    return users != 0 ? users : Long.compare(Long.parseLong(left[1]), Long.parseLong(right[1]));
  }

  private static List<String> query(String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getString(1));
      }
    }
    return values;
  }
}
