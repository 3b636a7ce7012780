package io.listening.webapp.stats.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.GoldWarehouse;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Opens the dashboard in Debian's headless Chromium and reads the numbers a person would see.
 *
 * <p>Needs {@code chromium} and {@code chromium-driver} (apt); override the paths with {@code
 * -Dchromium.binary=...} and {@code -Dchromedriver.binary=...}. Both paths are given to Selenium
 * explicitly, so Selenium Manager never downloads a browser or driver. The app runs in production
 * mode from {@code target/classes}, where {@code build-frontend} has put Vaadin's pre-compiled
 * bundle.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "vaadin.productionMode=true")
class DashboardBrowserIT {

  private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

  /**
   * Vaadin's client is idle when no request to the server is pending (TestBench waits the same
   * way).
   */
  private static final String VAADIN_IDLE =
      """
      const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
      if (!clients) { return false; }
      const all = Object.values(clients);
      return all.length > 0 && all.every(client => !client.isActive());
      """;

  private static final Path DATA_DIR = GoldWarehouse.newDataDir();
  private static final Path WAREHOUSE = DATA_DIR.resolve("warehouse/analytics.duckdb");

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry registry) {
    registry.add("listening.warehouse.path", WAREHOUSE::toString);
  }

  @LocalServerPort private int port;

  private WebDriver browser;

  @BeforeAll
  static void publish() throws Exception {
    GoldWarehouse.publish(WAREHOUSE, "build-browser");
  }

  @AfterAll
  static void deleteWarehouse() throws IOException {
    FileSystemUtils.deleteRecursively(DATA_DIR);
  }

  @BeforeEach
  void startBrowser() {
    assertThat(Files.isExecutable(Path.of(CHROMIUM)))
        .as("%s missing: apt-get install chromium chromium-driver", CHROMIUM)
        .isTrue();
    assertThat(Files.isExecutable(Path.of(CHROMEDRIVER)))
        .as("%s missing: apt-get install chromium-driver", CHROMEDRIVER)
        .isTrue();
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900");
    browser = new ChromeDriver(driver, options);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void dashboardShowsTheTotalsAndTopTracksOfTheWarehouse() {
    browser.get("http://127.0.0.1:" + port + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("total-plays")));
    wait.until(page -> (Boolean) ((JavascriptExecutor) page).executeScript(VAADIN_IDLE));

    assertThat(text("total-plays")).isEqualTo("1,234");
    assertThat(text("total-skips")).isEqualTo(String.valueOf(GoldWarehouse.TOTAL_SKIPS));
    assertThat(text("unique-tracks")).isEqualTo(String.valueOf(GoldWarehouse.UNIQUE_TRACKS));
    assertThat(text("unique-artists")).isEqualTo(String.valueOf(GoldWarehouse.UNIQUE_ARTISTS));
    assertThat(text("unique-users")).isEqualTo(String.valueOf(GoldWarehouse.UNIQUE_USERS));
    assertThat(text("listening-hours")).isEqualTo("12.5");
    assertThat(text("build-info")).contains("build-browser");
    assertThat(gridCells())
        .containsSubsequence("Never Gonna Give You Up", "Rick Astley", "40")
        .containsSubsequence("Take On Me", "a-ha", "35")
        .contains("Demo Tape");
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  @SuppressWarnings("unchecked")
  private List<String> gridCells() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('#top-tracks"
                    + " vaadin-grid-cell-content')).map(cell =>"
                    + " cell.textContent.trim()).filter(text => text.length > 0);");
  }
}
