package io.listening.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through Selenium, for the browser tests. Needs {@code chromium} and
 * {@code chromium-driver} (apt); override the paths with {@code -Dchromium.binary=...} and {@code
 * -Dchromedriver.binary=...}. Both paths are given to Selenium explicitly, so Selenium Manager
 * never downloads a browser or driver.
 */
public final class HeadlessChromium {

  private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** A new browser at a laptop's size; the caller quits it. */
  public static WebDriver start() {
    return start(1280, 900);
  }

  /** A new browser whose window is {@code width} x {@code height} pixels; the caller quits it. */
  public static WebDriver start(int width, int height) {
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
        "--window-size=" + width + "," + height);
    return new ChromeDriver(driver, options);
  }
}
