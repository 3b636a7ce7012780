package io.listening.webapp.nowplaying;

import static io.listening.webapp.ApiClient.contentType;
import static io.listening.webapp.ApiClient.json;
import static io.listening.webapp.nowplaying.NowPlayingBroker.nothingPlaying;
import static io.listening.webapp.nowplaying.NowPlayingBroker.track;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.listening.webapp.ApiClient;
import io.listening.webapp.GoldWarehouse;
import io.listening.webapp.HeadlessChromium;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Now playing end to end: records published to a real broker reach the API and, by server push,
 * an open page in headless Chromium ({@link HeadlessChromium}), with the recommendations that
 * follow the track on the player from a small gold warehouse ({@link GoldWarehouse}). Each test
 * uses its own user, so tests do not see each other's records, except the warehouse's one listener
 * (alice), whose tests each publish her state first.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "vaadin.productionMode=true")
class NowPlayingIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Started before the app, so the record published here shows that it reads from the start. */
  private static final NowPlayingBroker KAFKA = NowPlayingBroker.start();

  static {
    KAFKA.publish(
        "early", track("early", "paused", Instant.now(), "Take On Me", "a-ha", 30_000, 225_000));
  }

  private static final Path DATA_DIR = GoldWarehouse.newDataDir();
  private static final Path WAREHOUSE = DATA_DIR.resolve("warehouse/analytics.duckdb");

  static {
    try {
      GoldWarehouse.publish(WAREHOUSE, "build-" + UUID.randomUUID());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void kafkaAndWarehouse(DynamicPropertyRegistry registry) {
    registry.add("listening.now-playing.bootstrap-servers", KAFKA::bootstrapServers);
    registry.add("listening.warehouse.path", WAREHOUSE::toString);
    // Each test's answers are its own: no entry of another run, or of another test, is a hit.
    registry.add("listening.cache.key-prefix", () -> "now-playing-it-" + UUID.randomUUID() + ":");
  }

  @LocalServerPort private int port;
  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @AfterAll
  static void stopKafka() throws IOException {
    KAFKA.close();
    FileSystemUtils.deleteRecursively(DATA_DIR);
  }

  @Test
  void aListenersRecommendationsFollowTheTrackOnTheirPlayer() {
    KAFKA.publish(
        GoldWarehouse.ALICE,
        track(GoldWarehouse.ALICE, "playing", Instant.now(), GoldWarehouse.NEVER_GONNA,
            "Never Gonna Give You Up", "Rick Astley", 1_000, 213_000));
    awaitBody("/api/users/" + GoldWarehouse.ALICE + "/now-playing", body -> body.contains("\"playing\""));

    HttpResponse<String> response =
        api.get("/api/users/" + GoldWarehouse.ALICE + "/recommendations?limit=3");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("track_id").asText()).isEqualTo(GoldWarehouse.NEVER_GONNA);
    assertThat(body.get("user_id").asText()).isEqualTo(GoldWarehouse.ALICE);
    assertThat(body.at("/seed/source").asText()).isEqualTo("now_playing");
    assertThat(body.at("/seed/personal").asBoolean()).isTrue();
    // Her latest plays in gold, less the track she plays now.
    assertThat(body.at("/seed/recent").toString()).isEqualTo("[\"" + GoldWarehouse.BLUE_MONDAY + "\"]");
    assertThat(body.get("recent")).isEqualTo(body.at("/seed/recent"));
    assertThat(body.get("recommendations")).hasSizeBetween(1, 3);
    assertThat(body.get("cache").asText()).isIn("hit", "miss");
  }

  @Test
  void withNothingPlayingTheLatestPlayInTheWarehouseIsTheSeed() {
    KAFKA.publish(GoldWarehouse.ALICE, nothingPlaying(GoldWarehouse.ALICE, Instant.now()));
    awaitBody(
        "/api/users/" + GoldWarehouse.ALICE + "/now-playing",
        body -> body.contains("\"nothing_playing\""));

    JsonNode body = json(awaitStatus("/api/users/" + GoldWarehouse.ALICE + "/recommendations", 200));

    assertThat(body.get("track_id").asText()).isEqualTo(GoldWarehouse.BLUE_MONDAY);
    assertThat(body.at("/seed/source").asText()).isEqualTo("latest_play");
    assertThat(body.at("/seed/recent").toString()).isEqualTo("[\"" + GoldWarehouse.NEVER_GONNA + "\"]");
    assertThat(body.at("/seed/reason").asText()).contains("nothing is playing now");
  }

  @Test
  void aListenerTheWarehouseDoesNotKnowGetsEveryonesAnswerForTheTrackOnTheirPlayer() {
    KAFKA.publish(
        "frank",
        track("frank", "playing", Instant.now(), GoldWarehouse.NEVER_GONNA, "Never Gonna Give You Up",
            "Rick Astley", 1_000, 213_000));
    awaitStatus("/api/users/frank/now-playing", 200);

    JsonNode body = json(awaitStatus("/api/users/frank/recommendations?limit=2", 200));

    assertThat(body.get("user_id").isNull()).isTrue();
    assertThat(body.at("/seed/personal").asBoolean()).isFalse();
    assertThat(body.at("/seed/recent")).isEmpty();
    assertThat(body.get("recommendations")).hasSize(2);
  }

  @Test
  void aListenerWithNothingPlayingAndNoPlaysIs404AndABadLimit400() {
    HttpResponse<String> unknown = api.get("/api/users/nobody-at-all/recommendations");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(contentType(unknown)).isEqualTo("application/problem+json");
    assertThat(json(unknown).get("detail").asText()).contains("nobody-at-all");

    for (String limit : List.of("0", "51", "ten")) {
      HttpResponse<String> bad =
          api.get("/api/users/" + GoldWarehouse.ALICE + "/recommendations?limit=" + limit);
      assertThat(bad.statusCode()).as(limit).isEqualTo(400);
      assertThat(contentType(bad)).isEqualTo("application/problem+json");
    }
  }

  @Test
  void recordsPublishedBeforeTheAppStartedAreRead() {
    JsonNode early = json(awaitStatus("/api/users/early/now-playing", 200));

    assertThat(early.get("status").asText()).isEqualTo("paused");
    assertThat(early.get("is_playing").asBoolean()).isFalse();
    assertThat(early.at("/track/track_name").asText()).isEqualTo("Take On Me");
    assertThat(early.get("progress_ms").asLong()).isEqualTo(30_000);
  }

  @Test
  void progressAdvancesFromTheObservationWhilePlaying() {
    Instant observed = Instant.now().minusSeconds(10);
    KAFKA.publish(
        "carol",
        track("carol", "playing", observed, "Never Gonna Give You Up", "Rick Astley", 5_000, 213_000));

    JsonNode now = json(awaitStatus("/api/users/carol/now-playing", 200));

    assertThat(now.get("is_playing").asBoolean()).isTrue();
    assertThat(now.get("progress_ms").asLong()).isBetween(15_000L, 60_000L);
    assertThat(now.get("updated_at").asText()).isEqualTo(observed.toString());
    assertThat(now.at("/track/duration_ms").asLong()).isEqualTo(213_000);
  }

  @Test
  void progressNeverPassesTheTrackEnd() {
    KAFKA.publish(
        "dave",
        track("dave", "playing", Instant.now().minusSeconds(600), "Short", "Band", 1_000, 90_000));

    assertThat(json(awaitStatus("/api/users/dave/now-playing", 200)).get("progress_ms").asLong())
        .isEqualTo(90_000);
  }

  @Test
  void aTombstoneForgetsTheUserAndAMalformedRecordChangesNothing() {
    KAFKA.publish("erin", track("erin", "paused", Instant.now(), "A", "B", 1_000, 90_000));
    awaitStatus("/api/users/erin/now-playing", 200);

    KAFKA.send("erin", "{not json");
    KAFKA.send("erin", "{\"status\":\"playing\"}");
    KAFKA.publish("erin", track("erin", "paused", Instant.now(), "After", "B", 2_000, 90_000));
    assertThat(
            awaitBody(
                "/api/users/erin/now-playing",
                body -> body.contains("\"After\"")))
        .contains("\"progress_ms\":2000");

    KAFKA.send("erin", null);
    HttpResponse<String> gone = awaitStatus("/api/users/erin/now-playing", 404);
    assertThat(contentType(gone)).isEqualTo("application/problem+json");
    assertThat(json(gone).get("detail").asText())
        .isEqualTo("No playback state has been published for user erin");
  }

  @Test
  void malformedUserIdIs400NamingTheRule() {
    HttpResponse<String> response = api.get("/api/users/.hidden/now-playing");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("detail").asText()).startsWith("userId must be 1 to 128");
  }

  @Test
  void healthIncludesTheBroker() {
    JsonNode kafka = json(api.get("/actuator/health")).at("/components/kafka");

    assertThat(kafka.get("status").asText()).isEqualTo("UP");
    assertThat(kafka.at("/details/brokers").asInt()).isEqualTo(1);
  }

  @Test
  void theOpenPageFollowsPlaybackWithoutAReload() {
    WebDriver browser = HeadlessChromium.start();
    try {
      KAFKA.publish(
          "bob",
          track("bob", "playing", Instant.now(), "Never Gonna Give You Up", "Rick Astley", 0, 213_000));
      browser.get("http://127.0.0.1:" + port + "/now-playing");
      WebDriverWait wait = new WebDriverWait(browser, WAIT);
      wait.until(page -> text(page, "now-playing-track").equals("Never Gonna Give You Up"));
      // Gone if the page reloads: every later change must arrive by push.
      ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

      assertThat(text(browser, "now-playing-status")).isEqualTo("Playing");
      assertThat(text(browser, "now-playing-artist")).isEqualTo("by Rick Astley");
      String position = text(browser, "now-playing-position");
      wait.until(page -> !text(page, "now-playing-position").equals(position));
      assertThat(text(browser, "now-playing-position")).endsWith("/ 3:33");
      wait.until(page -> !playNext(page).isEmpty());
      List<String> afterNeverGonna = playNext(browser);
      assertThat(afterNeverGonna).doesNotContain(GoldWarehouse.NEVER_GONNA);
      assertThat(afterNeverGonna.get(0))
          .isEqualTo(
              json(api.get("/api/users/bob/recommendations?limit=5"))
                  .at("/recommendations/0/track_id")
                  .asText());

      KAFKA.publish(
          "bob",
          track("bob", "paused", Instant.now(), GoldWarehouse.TAKE_ON_ME, "Take On Me", "a-ha",
              61_000, 225_000));
      wait.until(page -> text(page, "now-playing-status").equals("Paused"));
      assertThat(text(browser, "now-playing-track")).isEqualTo("Take On Me");
      assertThat(text(browser, "now-playing-position")).isEqualTo("1:01 / 3:45");
      wait.until(page -> !playNext(page).equals(afterNeverGonna) && !playNext(page).isEmpty());
      assertThat(playNext(browser)).doesNotContain(GoldWarehouse.TAKE_ON_ME);

      KAFKA.publish("bob", nothingPlaying("bob", Instant.now()));
      wait.until(page -> text(page, "now-playing-status").equals("Stopped"));
      assertThat(text(browser, "now-playing-track")).isEqualTo("Nothing playing");

      assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument === true"))
          .isEqualTo(true);
    } finally {
      browser.quit();
    }
  }

  /** The track ids of bob's "play next", in order. */
  private static List<String> playNext(WebDriver page) {
    return page
        .findElements(By.cssSelector(".now-playing-user[data-user='bob'] .now-playing-next-track"))
        .stream()
        .map(item -> item.getAttribute("data-track"))
        .toList();
  }

  /** The text of a part of bob's card. */
  private static String text(WebDriver page, String part) {
    List<WebElement> found =
        page.findElements(By.cssSelector(".now-playing-user[data-user='bob'] ." + part));
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  private HttpResponse<String> awaitStatus(String path, int status) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    HttpResponse<String> response = api.get(path);
    while (response.statusCode() != status && System.nanoTime() < deadline) {
      sleep();
      response = api.get(path);
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }

  private String awaitBody(String path, Predicate<String> condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String body = api.get(path).body();
    while (!condition.test(body) && System.nanoTime() < deadline) {
      sleep();
      body = api.get(path).body();
    }
    assertThat(condition.test(body)).as(body).isTrue();
    return body;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
