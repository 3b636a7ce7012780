package io.listening.webapp.pipeline;

import static io.listening.webapp.ApiClient.contentType;
import static io.listening.webapp.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.listening.webapp.ApiClient;
import io.listening.webapp.GoldWarehouse;
import io.listening.webapp.HeadlessChromium;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Starting a pipeline run over HTTP behind the admin key, and from the Import page in headless
 * Chromium; the command stands in for the Beam job and dbt build with a pause and two lines of
 * output.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vaadin.productionMode=true",
      "listening.pipeline.command=echo ingesting; sleep 2; echo built"
    })
class PipelineRunIT {

  private static final String KEY = "pipeline-key-" + UUID.randomUUID();
  private static final Path DATA_DIR = GoldWarehouse.newDataDir();
  private static final String RUNS = "/api/admin/pipeline-runs";
  private static final String LATEST = RUNS + "/latest";
  private static final String IDLE =
      """
      const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
      return !!clients && Object.values(clients).every(client => !client.isActive());
      """;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add(
        "listening.warehouse.path", () -> DATA_DIR.resolve("warehouse/analytics.duckdb").toString());
    registry.add("listening.pipeline.working-directory", DATA_DIR::toString);
    registry.add("listening.admin.api-key", () -> KEY);
  }

  @LocalServerPort private int port;
  private ApiClient api;

  @BeforeAll
  static void publish() throws Exception {
    GoldWarehouse.publish(DATA_DIR.resolve("warehouse/analytics.duckdb"), "build-pipeline");
  }

  @AfterAll
  static void deleteDataDir() throws IOException {
    FileSystemUtils.deleteRecursively(DATA_DIR);
  }

  @BeforeEach
  void client() throws InterruptedException {
    api = new ApiClient(port);
    awaitNoRunRunning();
  }

  @Test
  void theKeyStartsARunAnsweredWith202AndASecondStartWhileItRunsIs409(CapturedOutput output)
      throws Exception {
    HttpResponse<String> started = post(KEY);

    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(contentType(started)).isEqualTo("application/json");
    assertThat(started.headers().firstValue("Location")).contains(LATEST);
    JsonNode run = json(started);
    String id = run.get("id").asText();
    assertThat(run.get("status").asText()).isEqualTo("running");
    assertThat(run.get("exit_code").isNull()).isTrue();

    HttpResponse<String> second = post(KEY);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(contentType(second)).isEqualTo("application/problem+json");
    assertThat(json(second).get("detail").asText()).contains(id).contains("still running");

    JsonNode done = awaitNoRunRunning();
    assertThat(done.get("id").asText()).isEqualTo(id);
    assertThat(done.get("status").asText()).isEqualTo("succeeded");
    assertThat(done.get("exit_code").asInt()).isZero();
    assertThat(done.get("output_tail").toString()).isEqualTo("[\"ingesting\",\"built\"]");
    assertThat(output)
        .contains("Pipeline run " + id + " started on an admin API request.")
        .contains("Pipeline run " + id + " succeeded after")
        .doesNotContain(KEY);
  }

  @Test
  void noKeyIs401AndAWrongKeyIs403AndNeitherStartsARun(CapturedOutput output) {
    String before = api.get(LATEST).body();

    HttpResponse<String> none = post(null);
    HttpResponse<String> wrong = post(KEY + "x");

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(contentType(none)).isEqualTo("application/problem+json");
    assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(contentType(wrong)).isEqualTo("application/problem+json");
    assertThat(api.get(LATEST).body()).isEqualTo(before);
    assertThat(output).doesNotContain("started on an admin API request").doesNotContain(KEY);
  }

  @Test
  void startingARunIsNeverAGet() {
    HttpResponse<String> response = api.send(api.request(RUNS).header("X-API-Key", KEY).GET().build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(contentType(response)).isEqualTo("application/problem+json");
  }

  @Test
  void theOpenApiDocumentDeclaresEveryAnswerOfTheAction() {
    JsonNode responses =
        json(api.get("/v3/api-docs")).at("/paths/~1api~1admin~1pipeline-runs/post/responses");

    assertThat(responses.at("/202/content/application~1json/schema/$ref").asText())
        .endsWith("/PipelineRun");
    for (String status : new String[] {"401", "403", "409", "503"}) {
      assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asText())
          .as(status)
          .endsWith("/ProblemDetail");
    }
    assertThat(json(api.get("/v3/api-docs")).at("/paths/~1api~1admin~1pipeline-runs/get").isMissingNode())
        .isTrue();
  }

  @Test
  void theImportPageStartsTheSameRunBehindTheSameKeyAndShowsItsOutcome() {
    WebDriver browser = HeadlessChromium.start();
    try {
      browser.get("http://127.0.0.1:" + port + "/import");
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pipeline-key input")));

      start(browser, wait, KEY + "x");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pipeline-refused")));
      assertThat(browser.findElement(By.id("pipeline-refused")).getText())
          .isEqualTo("The API key in X-API-Key is not the admin key.");

      // The page opens on the latest run, an earlier test's: wait for a new one to succeed.
      String earlier = browser.findElement(By.id("pipeline-status")).getAttribute("data-run");
      start(browser, wait, KEY);
      wait.until(
          driver -> {
            // The run id, the class and the text reach the page in separate updates: a new
            // run's id can arrive while the class is still the earlier run's "succeeded".
            WebElement status = driver.findElement(By.id("pipeline-status"));
            String run = status.getAttribute("data-run");
            return !Objects.equals(run, earlier)
                && status.getAttribute("class").contains("pipeline-succeeded")
                && status.getText().startsWith("Pipeline run " + run + " succeeded");
          });
      String id = browser.findElement(By.id("pipeline-status")).getAttribute("data-run");
      assertThat(browser.findElement(By.id("pipeline-status")).getText())
          .startsWith("Pipeline run " + id + " succeeded after 0 min");
      assertThat(browser.findElement(By.id("pipeline-output")).getText())
          .isEqualTo("ingesting\nbuilt");
      assertThat(browser.findElement(By.id("pipeline-refused")).isDisplayed()).isFalse();
      assertThat(json(api.get(LATEST)).get("id").asText()).isEqualTo(id);
    } finally {
      browser.quit();
    }
  }

  private static void start(WebDriver browser, WebDriverWait wait, String key) {
    browser.findElement(By.cssSelector("#pipeline-key input")).sendKeys(key, Keys.TAB);
    wait.until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(IDLE));
    browser.findElement(By.id("pipeline-start")).click();
  }

  private HttpResponse<String> post(String key) {
    HttpRequest.Builder request = api.request(RUNS).POST(BodyPublishers.noBody());
    if (key != null) {
      request.header("X-API-Key", key);
    }
    return api.send(request.build());
  }

  /** The latest run once it is not running; null when none has been started. */
  private JsonNode awaitNoRunRunning() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> latest = api.get(LATEST);
      if (latest.statusCode() == 404) {
        return null;
      }
      JsonNode run = json(latest);
      if (!run.get("status").asText().equals("running")) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The pipeline run did not end within 30 s");
  }
}
