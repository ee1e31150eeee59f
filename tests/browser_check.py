"""Open an HTML report in headless Chromium and check it (run by tests/test_html_browser.py).

    python tests/browser_check.py REPORT.html  ->  prints a JSON verdict

Talks to chromedriver on the loopback interface only; Chromium runs with its background
networking switched off, and the page itself has no external resources.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def main(path: str) -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,2000",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get(Path(path).resolve().as_uri())
        errors = [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
        hidden = []
        for element in driver.find_elements(By.CSS_SELECTOR, "mark, .jw-ref, .jw-findings li"):
            size = element.size
            if not element.is_displayed() or size["width"] == 0 or size["height"] == 0:
                hidden.append(element.get_attribute("id") or element.text[:30])
        ids = [e.get_attribute("id") for e in driver.find_elements(By.CSS_SELECTOR, "[id]")]
        marks = len(driver.find_elements(By.CSS_SELECTOR, ".jw-text mark"))
        print(
            json.dumps(
                {"errors": errors, "hidden": hidden, "ids": ids, "marks": marks, "title": driver.title}
            )
        )
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1])
