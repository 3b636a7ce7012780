package io.listening.poller.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportSourceTest {

  @TempDir Path temp;

  @Test
  void recognisesEveryListeningHistoryFileName() {
    assertThat(ExportFormat.of("StreamingHistory0.json")).contains(ExportFormat.BASIC);
    assertThat(ExportFormat.of("StreamingHistory12.json")).contains(ExportFormat.BASIC);
    assertThat(ExportFormat.of("StreamingHistory_music_1.json")).contains(ExportFormat.BASIC);
    assertThat(ExportFormat.of("StreamingHistory_podcast_0.json"))
        .contains(ExportFormat.BASIC_NON_MUSIC);
    assertThat(ExportFormat.of("Streaming_History_Audio_2024-2025.json"))
        .contains(ExportFormat.EXTENDED);
    assertThat(ExportFormat.of("Streaming_History_Audio_2019-2020_3.json"))
        .contains(ExportFormat.EXTENDED);
    assertThat(ExportFormat.of("Streaming_History_Video_2021-2024.json"))
        .contains(ExportFormat.EXTENDED);
    assertThat(ExportFormat.of("endsong_1.json")).contains(ExportFormat.EXTENDED);
    assertThat(ExportFormat.of("endvideo.json")).contains(ExportFormat.EXTENDED);
  }

  @Test
  void ignoresTheOtherFilesOfAnExport() {
    for (String name :
        new String[] {
          "Userdata.json",
          "Playlist1.json",
          "YourLibrary.json",
          "Inferences.json",
          "ReadMeFirst_ExtendedStreamingHistory.pdf",
          "._StreamingHistory0.json",
          "StreamingHistory0.json.bak"
        }) {
      assertThat(ExportFormat.of(name)).as(name).isEqualTo(Optional.empty());
    }
  }

  @Test
  void listsAZipsHistoryEntriesInNameOrderAndCountsTheRest() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(
        "Spotify Extended Streaming History/Streaming_History_Audio_2020_1.json", "[]".getBytes());
    entries.put(
        "Spotify Extended Streaming History/Streaming_History_Audio_2019_0.json", "[]".getBytes());
    entries.put(
        "Spotify Extended Streaming History/ReadMeFirst_ExtendedStreamingHistory.pdf", new byte[3]);
    entries.put(
        "__MACOSX/Spotify Extended Streaming History/._Streaming_History_Audio_2019_0.json",
        new byte[3]);
    Path zip = TestExports.zip(temp.resolve("my_spotify_data.zip"), entries);

    try (ExportSource source = ExportSource.open(zip)) {
      assertThat(source.files())
          .extracting(ExportFile::baseName)
          .containsExactly(
              "Streaming_History_Audio_2019_0.json", "Streaming_History_Audio_2020_1.json");
      assertThat(source.files()).allSatisfy(f -> assertThat(f.size()).isEqualTo(2));
      assertThat(source.ignoredFiles()).isEqualTo(1);
    }
  }

  @Test
  void aMissingPathIsAClearError() {
    assertThatThrownBy(() -> ExportSource.open(temp.resolve("nowhere")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aFolderWithoutListeningHistoryIsAClearError() throws IOException {
    Files.writeString(temp.resolve("Userdata.json"), "{}");

    assertThatThrownBy(() -> ExportSource.open(temp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no listening-history files in " + temp);
  }

  @Test
  void aFileNamedZipThatIsNotOneIsAClearError() throws IOException {
    Path fake = Files.writeString(temp.resolve("export.zip"), "not a zip");

    assertThatThrownBy(() -> ExportSource.open(fake))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a readable zip file");
  }

  @Test
  void aSingleHistoryFileCanBeImportedOnItsOwn() {
    try (ExportSource source = ExportSource.open(TestExports.resource("extended/endsong_0.json"))) {
      assertThat(source.files()).extracting(ExportFile::name).containsExactly("endsong_0.json");
    }
  }
}
