package io.listening.webapp.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadCheckTest {

  @TempDir Path dir;

  @Test
  void namesThatLeaveTheArchiveAreRecognisedWithEitherSlash() {
    assertThat(UploadCheck.escapes("../StreamingHistory0.json")).isTrue();
    assertThat(UploadCheck.escapes("export/../../etc/passwd")).isTrue();
    assertThat(UploadCheck.escapes("export\\..\\x.json")).isTrue();
    assertThat(UploadCheck.escapes("/etc/passwd")).isTrue();
    assertThat(UploadCheck.escapes("C:/x.json")).isTrue();
    assertThat(UploadCheck.escapes("Spotify Extended Streaming History/endsong_1.json")).isFalse();
    assertThat(UploadCheck.escapes("MyData/..hidden.json")).isFalse();
  }

  @Test
  void aZipThatClaimsMoreThanTheLimitIsRefusedWithItsName() throws IOException {
    Path zip = zip("big.zip", "MyData/StreamingHistory0.json", new byte[4096]);

    assertThatThrownBy(() -> UploadCheck.check(zip, "big.zip", 1024))
        .isInstanceOf(RejectedUploadException.class)
        .hasMessageStartingWith("big.zip is refused: its entries unpack to more than");
  }

  @Test
  void aFileThatIsNotAZipOrJsonOrNotReallyAZipIsRefused() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
    Path fake = Files.writeString(dir.resolve("fake.zip"), "not a zip");

    assertThatThrownBy(() -> UploadCheck.check(text, "notes.txt", 1 << 20))
        .hasMessageStartingWith("notes.txt is not a Spotify export");
    assertThatThrownBy(() -> UploadCheck.check(fake, "fake.zip", 1 << 20))
        .hasMessageStartingWith("fake.zip is not a readable zip file");
  }

  @Test
  void aWellFormedExportPasses() throws IOException {
    Path zip = zip("my_spotify_data.zip", "MyData/StreamingHistory0.json", "[]".getBytes(StandardCharsets.UTF_8));

    UploadCheck.check(zip, "my_spotify_data.zip", 1 << 20);
  }

  private Path zip(String name, String entry, byte[] content) throws IOException {
    Path zip = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream archive = new ZipOutputStream(out)) {
      archive.putNextEntry(new ZipEntry(entry));
      archive.write(content);
      archive.closeEntry();
    }
    return zip;
  }
}
