package io.listening.poller.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.listening.events.PlayEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImporterTest {

  @TempDir Path temp;

  @Test
  void importsABasicExportAndEveryRecordIsCountedOnce() {
    RecordingSink sink = RecordingSink.healthy();

    ImportSummary summary =
        TestExports.importInto(TestExports.resource("basic"), checkpoint(), sink);

    assertThat(summary.files()).isEqualTo(2);
    assertThat(summary.filesIgnored()).isEqualTo(1);
    assertThat(summary.records()).isEqualTo(13);
    assertThat(summary.imported()).isEqualTo(5);
    assertThat(summary.skippedBySpotify()).isZero();
    assertThat(summary.withoutSkipFlag()).as("basic exports carry no skip flag").isEqualTo(5);
    assertThat(summary.duplicates()).isEqualTo(1);
    assertThat(summary.episodes()).isEqualTo(2);
    assertThat(summary.rejected()).isEqualTo(5);
    assertThat(summary.alreadyImported()).isZero();
    assertThat(summary.rejectedByReason().keySet())
        .containsExactlyInAnyOrder(
            "unidentified track (Unknown Artist / Unknown Track)",
            "msPlayed is negative",
            "trackName is missing",
            "msPlayed is not a whole number",
            "endTime is not 'YYYY-MM-DD HH:MM'");
    assertThat(sink.delivered())
        .extracting(PlayEvent::trackName)
        .containsExactly(
            "Freakin' Bad",
            "Little Things",
            "Summer Break Inbox Special",
            "Digital Love",
            "Voyager");
  }

  @Test
  void importsAnExtendedExportAndKeepsEpisodesAndAudiobooksOut() {
    RecordingSink sink = RecordingSink.healthy();

    ImportSummary summary =
        TestExports.importInto(TestExports.resource("extended"), checkpoint(), sink);

    assertThat(summary.files()).isEqualTo(2);
    assertThat(summary.records()).isEqualTo(11);
    assertThat(summary.imported()).isEqualTo(5);
    // King For A Day twice (skipped false, then true after 5.9 s); the other three have null.
    assertThat(summary.skippedBySpotify()).isEqualTo(1);
    assertThat(summary.withoutSkipFlag()).isEqualTo(3);
    assertThat(summary.duplicates()).isEqualTo(1);
    assertThat(summary.episodesByKind())
        .containsExactlyInAnyOrderEntriesOf(Map.of("podcast episode", 1L, "audiobook chapter", 1L));
    assertThat(summary.rejectedByReason().keySet())
        .containsExactlyInAnyOrder(
            "master_metadata_track_name is missing",
            "shuffle is not true or false",
            "ts is not an ISO-8601 instant");
    assertThat(sink.delivered())
        .extracting(PlayEvent::trackName)
        .containsExactly(
            "King For A Day",
            "King For A Day",
            "Home Recording",
            "Life is a Highway - From \"Cars\"/Soundtrack Version",
            "Colors of Fall, Wool Clothes");
    assertThat(sink.delivered())
        .extracting(PlayEvent::skipped)
        .containsExactly(false, true, null, null, null);
    assertThat(sink.delivered())
        .allSatisfy(
            e -> {
              assertThat(e.source()).isEqualTo("spotify_export");
              assertThat(e.eventType()).isEqualTo("play");
            });
  }

  @Test
  void aRecordWithAWrongTypeIsReportedByFileAndPosition() {
    ImportSummary summary =
        TestExports.importInto(
            TestExports.resource("basic"), checkpoint(), RecordingSink.healthy());

    assertThat(summary.rejectedByReason().get("msPlayed is not a whole number"))
        .isEqualTo(
            new ImportSummary.Rejections(1, "StreamingHistory0.json record 7 (line 44, column 3)"));
    assertThat(summary.describe())
        .contains(
            "Rejected 1: msPlayed is not a whole number (first at StreamingHistory0.json record 7"
                + " (line 44, column 3)).");
  }

  @Test
  void aBrokenFileIsReportedWithNameAndPositionWhileTheRestImports() {
    RecordingSink sink = RecordingSink.healthy();

    ImportSummary summary =
        TestExports.importInto(TestExports.resource("broken"), checkpoint(), sink);

    assertThat(summary.brokenFiles()).hasSize(1);
    ImportSummary.BrokenFile broken = summary.brokenFiles().get(0);
    assertThat(broken.name()).isEqualTo("StreamingHistory_music_1.json");
    assertThat(broken.problem())
        .startsWith("invalid JSON at line 24, column")
        .contains("(record 3)");
    assertThat(summary.imported()).isEqualTo(5);
    assertThat(sink.delivered())
        .extracting(PlayEvent::trackName)
        .containsExactly(
            "Motion Sickness", "Kyoto", "Not Strong Enough", "True Blue", "Cool About It");
    assertThat(summary.describe())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "Broken file StreamingHistory_music_1.json: invalid JSON at line 24"));
  }

  @Test
  void rerunningAfterABrokenFileAddsNothingAndReportsItAgain() {
    Path checkpoint = checkpoint();
    TestExports.importInto(TestExports.resource("broken"), checkpoint, RecordingSink.healthy());
    RecordingSink again = RecordingSink.healthy();

    ImportSummary summary =
        TestExports.importInto(TestExports.resource("broken"), checkpoint, again);

    assertThat(again.delivered()).isEmpty();
    assertThat(summary.imported()).isZero();
    assertThat(summary.alreadyImported()).isEqualTo(5);
    assertThat(summary.brokenFiles()).hasSize(1);
  }

  @Test
  void anInterruptedImportResumesAndPublishesTheRemainderExactlyOnce() throws IOException {
    Path export = history(120, 100, 5);
    Path checkpoint = checkpoint();
    RecordingSink failing = RecordingSink.failingOnPublish(35);

    assertThatThrownBy(() -> run(export, checkpoint, failing, 10))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("StreamingHistory_music_0.json")
        .hasMessageContaining("holds the first 30 records")
        .hasMessageContaining("run the same command again");
    assertThat(failing.delivered()).hasSize(30);

    RecordingSink resumed = RecordingSink.healthyInto(failing);
    ImportSummary second = run(export, checkpoint, resumed, 10);

    assertThat(second.alreadyImported()).isEqualTo(30);
    assertThat(second.imported()).isEqualTo(89);
    assertThat(second.duplicates()).isEqualTo(1);
    assertThat(second.records()).isEqualTo(120);
    List<String> ids = resumed.delivered().stream().map(PlayEvent::eventId).toList();
    assertThat(ids).hasSize(119).doesNotHaveDuplicates();

    ImportSummary third = run(export, checkpoint, RecordingSink.healthy(), 10);

    assertThat(third.imported()).isZero();
    assertThat(third.alreadyImported()).isEqualTo(120);
    assertThat(third.filesAlreadyComplete()).isEqualTo(1);
  }

  @Test
  void importingTheSameExportAgainPublishesNothing() {
    Path checkpoint = checkpoint();
    ImportSummary first =
        TestExports.importInto(TestExports.resource("basic"), checkpoint, RecordingSink.healthy());
    RecordingSink sink = RecordingSink.healthy();

    ImportSummary second = TestExports.importInto(TestExports.resource("basic"), checkpoint, sink);

    assertThat(sink.delivered()).isEmpty();
    assertThat(second.imported()).isZero();
    assertThat(second.alreadyImported()).isEqualTo(first.records());
    assertThat(second.filesAlreadyComplete()).isEqualTo(2);
    assertThat(second.describe().get(0)).contains(" 0 streams imported").contains("13 already imported");
  }

  @Test
  void importingWithoutTheCheckpointYieldsTheSameEventIds() {
    RecordingSink first = RecordingSink.healthy();
    RecordingSink second = RecordingSink.healthy();

    TestExports.importInto(TestExports.resource("extended"), temp.resolve("a.json"), first);
    TestExports.importInto(TestExports.resource("extended"), temp.resolve("b.json"), second);

    assertThat(second.delivered()).isEqualTo(first.delivered());
  }

  @Test
  void aZipImportsLikeTheFolderAndSharesItsCheckpoint() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(
        "Spotify Account Data/StreamingHistory0.json",
        TestExports.bytes("basic/StreamingHistory0.json"));
    entries.put(
        "Spotify Account Data/StreamingHistory_podcast_0.json",
        TestExports.bytes("basic/StreamingHistory_podcast_0.json"));
    entries.put("Spotify Account Data/Userdata.json", TestExports.bytes("basic/Userdata.json"));
    entries.put("__MACOSX/Spotify Account Data/._StreamingHistory0.json", new byte[] {0, 5, 22, 7});
    Path zip = TestExports.zip(temp.resolve("my_spotify_data.zip"), entries);
    Path checkpoint = checkpoint();
    RecordingSink sink = RecordingSink.healthy();

    ImportSummary fromZip = TestExports.importInto(zip, checkpoint, sink);
    ImportSummary folderAfterwards =
        TestExports.importInto(TestExports.resource("basic"), checkpoint, RecordingSink.healthy());

    assertThat(fromZip.files()).isEqualTo(2);
    assertThat(fromZip.filesIgnored()).isEqualTo(1);
    assertThat(fromZip.records()).isEqualTo(13);
    assertThat(fromZip.imported()).isEqualTo(5);
    assertThat(fromZip.episodes()).isEqualTo(2);
    assertThat(sink.delivered()).hasSize(5);
    assertThat(folderAfterwards.imported()).isZero();
    assertThat(folderAfterwards.alreadyImported()).isEqualTo(13);
  }

  @Test
  void aCorruptZipEntryIsReportedAsABrokenFile() throws IOException {
    Path zip =
        TestExports.zip(
            temp.resolve("export.zip"),
            Map.of(
                "StreamingHistory_music_0.json",
                TestExports.bytes("broken/StreamingHistory_music_0.json")));
    byte[] bytes = Files.readAllBytes(zip);
    int dataStart = 30 + "StreamingHistory_music_0.json".length();
    for (int i = dataStart; i < dataStart + 40; i++) {
      bytes[i] ^= 0x5a;
    }
    Files.write(zip, bytes);

    ImportSummary summary = TestExports.importInto(zip, checkpoint(), RecordingSink.healthy());

    assertThat(summary.brokenFiles())
        .extracting(ImportSummary.BrokenFile::name)
        .containsExactly("StreamingHistory_music_0.json");
    assertThat(summary.imported()).isZero();
  }

  private Path checkpoint() {
    return temp.resolve("checkpoints/alice.json");
  }

  private static ImportSummary run(Path export, Path checkpoint, EventSink sink, int flushEvery) {
    try (ExportSource source = ExportSource.open(export)) {
      return TestExports.importer(checkpoint, sink, flushEvery).importAll(source);
    }
  }

  /**
   * A music file of {@code count} distinct plays where record {@code copy} repeats {@code
   * original}.
   */
  private Path history(int count, int copy, int original) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ArrayNode records = json.createArrayNode();
    for (int i = 0; i < count; i++) {
      int n = i == copy ? original : i;
      records
          .addObject()
          .put("endTime", String.format("2024-06-%02d %02d:%02d", 1 + n / 60, (n / 4) % 24, n % 60))
          .put("artistName", "Artist " + (n % 7))
          .put("trackName", "Track " + n)
          .put("msPlayed", 10_000L * (n % 9));
    }
    Path dir = Files.createDirectories(temp.resolve("export"));
    json.writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve("StreamingHistory_music_0.json").toFile(), records);
    return dir;
  }
}
