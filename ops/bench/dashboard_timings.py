"""Times the dashboard in headless Chromium: the overview's first render and a filter change.

Called by ops/bench/dashboard.sh with the app's URL and the listener to switch to. A first render is
from asking for the page to the figures being on it (the loading state gone, Vaadin's client idle);
a filter change is from pressing Enter on the listener typed into the filter's combo box to the new
figures (the server navigates to the new URL and reads again); typing is not timed. Prints one line per
measure: name, then the milliseconds of each run.
"""

import argparse
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

LOADED = """
const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
if (!clients) { return null; }
const all = Object.values(clients);
const plays = document.getElementById('plays');
if (all.length === 0 || all.some(c => c.isActive()) || document.getElementById('loading') || !plays) {
  return null;
}
return plays.textContent;
"""


def wait_for_figures(driver, previous=None, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        plays = driver.execute_script(LOADED)
        if plays is not None and plays != previous:
            return plays
        time.sleep(0.005)
    raise TimeoutError("the overview's figures did not appear in %.0f s" % timeout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("user")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()

    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    first, change = [], []
    try:
        for _ in range(args.runs):
            started = time.monotonic()
            driver.get(args.url)
            everyone = wait_for_figures(driver)
            first.append((time.monotonic() - started) * 1000)

            user = driver.find_element(By.CSS_SELECTOR, "#filter-user input")
            user.send_keys(Keys.CONTROL, "a")
            user.send_keys(args.user)
            WebDriverWait(driver, 30).until(expected_conditions.visibility_of_element_located(
                (By.XPATH, "//vaadin-combo-box-item[normalize-space()='%s']" % args.user)))
            started = time.monotonic()
            user.send_keys(Keys.ENTER)
            wait_for_figures(driver, previous=everyone)
            change.append((time.monotonic() - started) * 1000)
    finally:
        driver.quit()
    print("first_render", " ".join("%.0f" % ms for ms in first))
    print("filter_change", " ".join("%.0f" % ms for ms in change))


if __name__ == "__main__":
    main()
