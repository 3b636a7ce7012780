package io.listening.webapp.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.HeadlessChromium;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Opens every dashboard page in Debian's headless Chromium, at a laptop's and a phone's width, and
 * reads what a person would see: the figures must be {@link DashboardWarehouse}'s, the charts must
 * have drawn, filters must change the figures and survive a reload. Screenshots go to {@code
 * target/screenshots/} for review.
 *
 * <p>The browser is {@link HeadlessChromium} (Debian's chromium and chromium-driver). The app runs in production mode from {@code target/classes},
 * where the Maven build has put the frontend bundle with the chart component.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vaadin.productionMode=true",
      // The missing-warehouse check moves the file away and reloads at once.
      "listening.warehouse.check-interval=0s"
    })
class DashboardBrowserIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** The page has its figures: Vaadin's client is idle and the loading state is gone. */
  private static final String LOADED =
      """
      const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
      if (!clients) { return false; }
      const all = Object.values(clients);
      return all.length > 0 && all.every(client => !client.isActive())
          && !document.getElementById('loading')
          && !!document.querySelector('h1');
      """;

  private static final Path dataDir = io.listening.webapp.GoldWarehouse.newDataDir();
  private static final Path warehouse = dataDir.resolve("warehouse/analytics.duckdb");

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry registry) {
    registry.add("listening.warehouse.path", warehouse::toString);
  }

  @LocalServerPort private int port;

  private WebDriver browser;

  @BeforeAll
  static void publish() {
    DashboardWarehouse.publish(warehouse, "build-browser");
  }

  @AfterAll
  static void deleteWarehouse() throws IOException {
    FileSystemUtils.deleteRecursively(dataDir);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({"1280, 900", "390, 844"})
  void everyPageShowsTheWarehousesFiguresAndCharts(int width, int height) throws IOException {
    startBrowser(width, height);

    open("", width);
    assertThat(text("plays")).isEqualTo("15");
    assertThat(text("listening-time")).isEqualTo("53 min");
    assertThat(text("unique-tracks")).isEqualTo("3");
    assertThat(text("unique-artists")).isEqualTo("3");
    assertThat(text("skips")).isEqualTo("7");
    assertThat(text("data-range")).contains("20 Nov 2024 to 5 Dec 2024").contains("2 gaps");
    assertThat(cells("gaps")).containsSubsequence("21 Nov 2024", "30 Nov 2024", "10");

    open("trends", width);
    assertThat(chartText("daily-chart")).contains("Plays").contains("Hours");
    assertThat(chartText("monthly-chart")).contains("Nov 2024").contains("Dec 2024");

    open("top-tracks", width);
    assertThat(cells("top-tracks-table"))
        .containsSubsequence("1", "Never Gonna Give You Up", "Rick Astley", "8")
        .containsSubsequence("2", "Take On Me", "a-ha", "6");
    assertThat(chartText("top-tracks-chart")).contains("Never Gonna Give You Up");

    open("top-artists", width);
    assertThat(cells("top-artists-table")).containsSubsequence("Rick Astley", "1 track", "8");

    open("clock", width);
    assertThat(text("busiest-hour")).startsWith("Busiest hour: Sunday 09:00 to 09:59, 5 plays");
    assertThat(chartText("clock-chart")).contains("Mon").contains("Sun");

    open("skips", width);
    assertThat(text("skip-rate")).isEqualTo("31.8%"); // 7 of 22 streams
    assertThat(cells("skipped-tracks")).containsSubsequence("Blue Monday", "New Order", "75.0%");

    open("devices", width);
    assertThat(cells("devices-table")).containsSubsequence("smartphone", "android", "8", "26 min", "50.0%");
    assertThat(chartText("devices-chart")).contains("smartphone");

    open("sessions", width);
    assertThat(text("sessions")).isEqualTo("3");
    assertThat(cells("longest-sessions")).containsSubsequence("alice", "1 Dec 2024, 09:00", "1 h 30 min");

    open("year-in-review", width);
    assertThat(text("year-2024-alice-minutes")).isEqualTo("33");
    assertThat(text("year-2024-bob-plays")).isEqualTo("5");

    open("podcasts", width);
    assertThat(text("podcast-time")).isEqualTo("30 min");
    assertThat(cells("shows-table")).contains("Lex Fridman Podcast");

    open("data-quality", width);
    assertThat(text("checks-not-passed")).isEqualTo("1");
    assertThat(text("dead-letters")).isEqualTo("4");
    assertThat(cells("checks-table")).containsSubsequence("fail", "assert_gold_totals_reconcile", "2", "pass");
  }

  @Test
  void aListenerChosenInTheFilterNarrowsThePageStaysInTheUrlAndFollowsTheNavigation()
      throws IOException {
    startBrowser(1280, 900);
    open("", 1280);
    WebElement user = browser.findElement(By.cssSelector("#filter-user input"));
    user.sendKeys(Keys.chord(Keys.CONTROL, "a"), "alice");
    waitUntil(ExpectedConditions.visibilityOfElementLocated(By.xpath("//vaadin-combo-box-item[normalize-space()='alice']")));
    user.sendKeys(Keys.ENTER);
    waitUntil(page -> page.getCurrentUrl().contains("user=alice"));
    waitUntilLoaded();
    assertThat(text("plays")).isEqualTo("10");
    assertThat(text("listening-time")).isEqualTo("33 min");

    browser.navigate().refresh();
    waitUntilLoaded();
    assertThat(text("plays")).isEqualTo("10");
    assertThat(browser.findElement(By.cssSelector("#filter-user input")).getAttribute("value"))
        .isEqualTo("alice");

    browser.findElement(By.cssSelector("vaadin-side-nav-item[path^='top-tracks']")).click();
    waitUntil(page -> page.getCurrentUrl().contains("top-tracks?user=alice"));
    waitUntilLoaded();
    assertThat(cells("top-tracks-table")).doesNotContain("Blue Monday").contains("Take On Me");
    screenshot("filter-alice-top-tracks");
  }

  @Test
  void aTimeRangeWithoutPlaysShowsTheEmptyStateAndACustomRangeFromTheUrlIsKept() throws IOException {
    startBrowser(1280, 900);
    open("", 1280);
    browser.findElement(By.id("filter-range")).click();
    waitUntil(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-select-item[normalize-space()='This year']")))
        .click();
    waitUntil(page -> page.getCurrentUrl().contains("range=year"));
    waitUntilLoaded();
    // The fixture's plays are from 2024.
    assertThat(text("empty")).startsWith("No plays in this range (This year)");

    browser.get(url("?range=custom&from=2024-12-01&to=2024-12-02"));
    waitUntilLoaded();
    assertThat(text("plays")).isEqualTo(String.valueOf(DashboardWarehouse.EARLY_DECEMBER_PLAYS));
    assertThat(browser.findElement(By.id("filter-from")).isDisplayed()).isTrue();
    screenshot("custom-range");
  }

  @Test
  void aTrackOpensFromTheTopListWithItsHistoryAndTheSameFilter() throws IOException {
    startBrowser(1280, 900);
    browser.get(url("top-tracks?user=alice"));
    waitUntilLoaded();
    browser.findElement(By.linkText("Never Gonna Give You Up")).click();
    waitUntil(page -> page.getCurrentUrl().contains("tracks/" + DashboardWarehouse.NEVER_GONNA + "?user=alice"));
    waitUntilLoaded();
    assertThat(text("track-plays")).isEqualTo("8");
    assertThat(text("track-skip-rate")).isEqualTo("27.3%");
    assertThat(chartText("track-history")).contains("2024-12-01");
    screenshot("track");

    browser.findElement(By.id("track-artist")).click();
    waitUntil(page -> page.getCurrentUrl().contains("artists/rick%20astley"));
    waitUntilLoaded();
    assertThat(text("artist-plays")).isEqualTo("8");
  }

  @Test
  void badInputAndAMissingWarehouseAreExplainedNotErrors() throws IOException {
    startBrowser(1280, 900);
    browser.get(url("?range=fortnight"));
    waitUntilLoaded();
    assertThat(text("filter-error")).contains("range must be one of").contains("fortnight");
    assertThat(text("plays")).isEqualTo("15");

    browser.get(url("tracks/not-a-track"));
    waitUntilLoaded();
    assertThat(text("invalid-track")).contains("is not a track id");

    Path aside = warehouse.resolveSibling("aside.duckdb");
    Files.move(warehouse, aside);
    try {
      browser.get(url("top-tracks"));
      waitUntilLoaded();
      assertThat(text("warehouse-unavailable")).startsWith("No warehouse build yet");
      screenshot("no-warehouse");
    } finally {
      Files.move(aside, warehouse, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private void startBrowser(int width, int height) {
    browser = HeadlessChromium.start(width, height);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + "/" + path;
  }

  private void open(String path, int width) throws IOException {
    browser.get(url(path));
    waitUntilLoaded();
    assertThat(browser.findElements(By.id("warehouse-unavailable"))).isEmpty();
    assertThat(browser.findElements(By.id("empty"))).isEmpty();
    screenshot(width + "-" + (path.isEmpty() ? "overview" : path));
  }

  private void waitUntilLoaded() {
    waitUntil(page -> (Boolean) ((JavascriptExecutor) page).executeScript(LOADED));
  }

  private <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition::apply);
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  /** The text ECharts drew into the chart's SVG (axis labels, legend, series names). */
  private String chartText(String id) {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const svg = document.getElementById(arguments[0]).shadowRoot.querySelector('svg');"
                    + " return svg ? svg.textContent : '';",
                id);
  }

  @SuppressWarnings("unchecked")
  private List<String> cells(String gridId) {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('#' + arguments[0] +"
                    + " ' vaadin-grid-cell-content')).map(cell =>"
                    + " cell.textContent.trim()).filter(text => text.length > 0);",
                gridId);
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
