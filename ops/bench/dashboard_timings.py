"""Times the dashboard in headless Chromium: the overview's first render and a filter change.

Called by ops/bench/dashboard.sh with the app's URL and the listener to switch to. A first render is
from asking for the page to the figures being on it (the loading state gone, Vaadin's client idle);
a filter change is from choosing the listener in the filter to the new figures. Prints one line per
measure: name, then the milliseconds of each run.
"""

import argparse
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

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

            started = time.monotonic()
            # What choosing a listener in the combo box sends; the server navigates and reads.
            driver.execute_script(
                "document.getElementById('filter-user').value = arguments[0];", args.user)
            wait_for_figures(driver, previous=everyone)
            change.append((time.monotonic() - started) * 1000)
    finally:
        driver.quit()
    print("first_render", " ".join("%.0f" % ms for ms in first))
    print("filter_change", " ".join("%.0f" % ms for ms in change))


if __name__ == "__main__":
    main()
