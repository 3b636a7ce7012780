"""Times dashboard pages in headless Chromium: each page's first render and a filter change.

Called by ops/bench/dashboard.sh with the app's URL, the listener to switch to and the paths of the
pages to time. A first render is from asking for the page to its content being on it (the loading
state gone, Vaadin's client idle); a filter change is from pressing Enter on the listener typed into
the filter's combo box to the new content (the server navigates to the new URL and reads again);
typing is not timed. Content is "new" when the first child of #page-content is not the element that
was there before the change, so pages whose text does not change (data quality is about the whole
build) are timed too. Prints one line per page and measure: measure, path, then the milliseconds of
each run.
"""

import argparse
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

# True once the page's content is drawn and is not the element marked by MARK_SHOWN.
SHOWN = """
const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
if (!clients) { return false; }
const all = Object.values(clients);
if (all.length === 0 || all.some(c => c.isActive()) || document.getElementById('loading')) {
  return false;
}
const content = document.getElementById('page-content');
const shown = content && content.firstElementChild;
return !!shown && !shown.benchSeen;
"""

MARK_SHOWN = "document.getElementById('page-content').firstElementChild.benchSeen = true;"


def wait_until_shown(driver, path, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if driver.execute_script(SHOWN):
            return
        time.sleep(0.005)
    raise TimeoutError("%s showed no content in %.0f s" % (path, timeout))


def time_page(driver, base_url, path, user, runs):
    first, change = [], []
    for _ in range(runs):
        started = time.monotonic()
        driver.get(base_url + path)
        wait_until_shown(driver, path)
        first.append((time.monotonic() - started) * 1000)

        field = driver.find_element(By.CSS_SELECTOR, "#filter-user input")
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(user)
        WebDriverWait(driver, 30).until(expected_conditions.visibility_of_element_located(
            (By.XPATH, "//vaadin-combo-box-item[normalize-space()='%s']" % user)))
        driver.execute_script(MARK_SHOWN)
        started = time.monotonic()
        field.send_keys(Keys.ENTER)
        wait_until_shown(driver, path)
        change.append((time.monotonic() - started) * 1000)
    return first, change


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url", help="the app's root, e.g. http://127.0.0.1:18290")
    parser.add_argument("user")
    parser.add_argument("paths", nargs="+", help="pages to time, e.g. / /trends")
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
    base_url = args.url.rstrip("/")
    try:
        # One unrecorded visit: the first request of a fresh JVM compiles and loads far more than
        # any later one, which is the JVM's start, not the page's.
        time_page(driver, base_url, args.paths[0], args.user, 1)
        for path in args.paths:
            first, change = time_page(driver, base_url, path, args.user, args.runs)
            print("first_render", path, " ".join("%.0f" % ms for ms in first), flush=True)
            print("filter_change", path, " ".join("%.0f" % ms for ms in change), flush=True)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
