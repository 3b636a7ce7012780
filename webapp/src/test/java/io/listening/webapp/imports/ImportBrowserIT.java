package io.listening.webapp.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.events.Topics;
import io.listening.poller.exports.ImportCommand;
import io.listening.poller.exports.ImportConfig;
import io.listening.poller.exports.ImportSummary;
import io.listening.poller.exports.ProgressReporter;
import io.listening.poller.kafka.KafkaConfig;
import io.listening.webapp.HeadlessChromium;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The browser import end to end: headless Chromium uploads a fixture export on the Import page, the
 * poller's importer publishes it to a real (embedded KRaft) broker, and the page's summary must be
 * the one the importer gives the same export from the command line, with every imported stream on
 * {@code spotify-plays} under the listener's key.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "vaadin.productionMode=true")
class ImportBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Path FIXTURE = Path.of("..", "fixtures", "spotify-exports", "p08");
  private static final String IDLE =
      """
      const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
      return !!clients && Object.values(clients).every(client => !client.isActive());
      """;

  private static final EmbeddedKafkaKraftBroker KAFKA = startBroker();
  private static final Path DATA_DIR = tempDir("import-it-data");
  private static final Path FILES = tempDir("import-it-files");

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    registry.add("listening.imports.bootstrap-servers", KAFKA::getBrokersAsString);
    registry.add("listening.imports.data-dir", DATA_DIR::toString);
  }

  @LocalServerPort private int port;
  private WebDriver browser;

  @BeforeEach
  void openBrowser() {
    browser = HeadlessChromium.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @AfterAll
  static void stopKafka() {
    KAFKA.destroy();
  }

  @Test
  void anUploadedExportIsImportedWithTheImportersSummaryAndItsStreamsAreOnTheTopic()
      throws IOException {
    Path zip = zip("my_spotify_data.zip", Map.of(
        "Spotify Extended Streaming History/endsong_1.json",
        Files.readAllBytes(FIXTURE.resolve("endsong_1.json"))));
    ImportSummary expected =
        ImportCommand.importExport(
            new ImportConfig(FIXTURE, "cli-p08", FILES.resolve("cli-checkpoint.json")),
            new KafkaConfig(KAFKA.getBrokersAsString(), 3, (short) 1, Duration.ofSeconds(15)),
            ProgressReporter.to((file, done, total, records) -> {}, Duration.ofSeconds(1)));

    upload("web-p08", zip);

    awaitDone("web-p08");
    assertThat(count("records")).isEqualTo(expected.records()).isEqualTo(2_080);
    assertThat(count("imported")).isEqualTo(expected.imported()).isEqualTo(2_078);
    assertThat(count("duplicates")).isEqualTo(expected.duplicates()).isEqualTo(1);
    assertThat(count("episodes")).isEqualTo(expected.episodes());
    assertThat(count("rejected")).isEqualTo(expected.rejected()).isEqualTo(1);
    assertThat(count("already-imported")).isZero();
    String reason = expected.rejectedByReason().keySet().iterator().next();
    assertThat(browser.findElement(By.id("import-rejections")).getText())
        .contains(reason + ": 1 (first: ")
        // The page names the file by its path inside the zip, the command line by its name.
        .contains(expected.rejectedByReason().get(reason).firstExample());
    assertThat(recordsOnTopicFor("web-p08")).isEqualTo(2_078);
  }

  @Test
  void aBrokenFileIsShownWithItsNameAndLineAndNothingIsPublished() throws IOException {
    Path broken = FILES.resolve("StreamingHistory_music_0.json");
    Files.writeString(
        broken,
        """
        [
          {"endTime": "2024-03-01 10:00", "artistName": "a-ha", "trackName": "Take On Me", "msPlayed": 225000
          oops
        ]
        """,
        StandardCharsets.UTF_8);

    upload("web-broken", broken);

    awaitDone("web-broken");
    assertThat(browser.findElement(By.id("import-broken-files")).getText())
        .startsWith("StreamingHistory_music_0.json is broken")
        .contains("line 3");
    assertThat(count("imported")).isZero();
    assertThat(recordsOnTopicFor("web-broken")).isZero();
  }

  @Test
  void aZipWhoseEntryPointsOutsideIsRefusedAndNothingIsPublished() throws IOException {
    Path zip = zip("evil.zip", Map.of(
        "../StreamingHistory0.json",
        "[{\"endTime\":\"2024-03-01 10:00\",\"artistName\":\"A\",\"trackName\":\"B\",\"msPlayed\":1000}]"
            .getBytes(StandardCharsets.UTF_8)));

    upload("web-evil", zip);

    new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("import-refused")));
    assertThat(browser.findElement(By.id("import-refused")).getText())
        .isEqualTo("evil.zip is refused: its entry '../StreamingHistory0.json' points outside the archive.");
    assertThat(recordsOnTopicFor("web-evil")).isZero();
  }

  private void upload(String user, Path file) {
    browser.get("http://127.0.0.1:" + port + "/import");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-user input")));
    browser.findElement(By.cssSelector("#import-user input")).sendKeys(user, Keys.TAB);
    wait.until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(IDLE));
    browser
        .findElement(By.id("import-upload"))
        .getShadowRoot()
        .findElement(By.cssSelector("input[type=file]"))
        .sendKeys(file.toAbsolutePath().toString());
  }

  /**
   * Waits for this user's import to be done: the page opens on the latest run, which may be an
   * earlier test's, already done.
   */
  private void awaitDone(String user) {
    new WebDriverWait(browser, WAIT)
        .until(
            ExpectedConditions.textMatches(
                By.cssSelector("#import-status.import-done"),
                Pattern.compile(".* for " + Pattern.quote(user) + "\\.$")));
  }

  private long count(String id) {
    return Long.parseLong(browser.findElement(By.id("import-" + id)).getAttribute("data-value"));
  }

  /** Reads the whole topic and counts the records keyed by {@code userId}. */
  private static long recordsOnTopicFor(String userId) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.PLAYS).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long count = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (userId.equals(record.key())) {
            count++;
          }
        }
      }
      return count;
    }
  }

  private static Path zip(String name, Map<String, byte[]> entries) throws IOException {
    Path zip = FILES.resolve(name);
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream archive = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        archive.putNextEntry(new ZipEntry(entry.getKey()));
        archive.write(entry.getValue());
        archive.closeEntry();
      }
    }
    return zip;
  }

  private static EmbeddedKafkaKraftBroker startBroker() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
    broker.afterPropertiesSet();
    return broker;
  }

  private static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
