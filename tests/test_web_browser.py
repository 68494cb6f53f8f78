"""The web page in headless Chromium (Debian's chromium + chromium-driver, through Selenium).

The real app is served by werkzeug in a thread on 127.0.0.1, on the fixture corpus, a slow fake
Wikipedia and a source that always fails; background checks go through the real Redis to a
`python -m service worker` process. Screenshots land in var/screenshots/ (desktop 1280 and phone
390 wide). Without chromium the tests are skipped, unless FACTCHECK_BROWSER_TESTS=required (CI).
"""

from __future__ import annotations

import base64
import json
import math
import os
import shutil
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests
from pytest_httpserver import HTTPServer
from werkzeug import Response
from werkzeug.serving import make_server

from service import create_app
from tests.conftest import REDIS_URL, delete_keys, start_worker

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "var" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
WIKI_DELAY = 0.3  # seconds per fake Wikipedia answer: the progress bar has time to fill

pytestmark = pytest.mark.slow

# Distinct facts, so a long article has many claims; it runs as a background check.
LONG_ARTICLE = """\
Mount Fuji is the highest mountain in Japan, at 3,776 metres. Nippon Steel agreed to acquire \
U.S. Steel for $14.9 billion in December 2023. The Japan Self-Defense Forces are the unified \
military forces of Japan. In December 2022 the government of Japan pledged to double defense \
spending by 2027. U.S. Steel is headquartered in Pittsburgh, Pennsylvania. President Joe Biden \
blocked the acquisition of U.S. Steel in January 2025. Nippon Steel Corporation is headquartered \
in Tokyo. Mount Fuji is an active stratovolcano on the island of Honshu.

A tariff is a tax imposed by a government on imports of goods. Japan raised its defense budget \
to 2% of GDP in 2027. U.S. Steel was founded in 1901 by J. P. Morgan and Andrew Carnegie. Tokyo \
has a population of about 14 million people. Officials in Tokyo and Washington met twice in 2024 \
to discuss the steel deal. Analysts said that the tariff on Japanese steel rose to 25% in March \
2018. The alliance between the United States and Japan was signed in 1951 in San Francisco. \
Japan's population fell below 124 million in 2024, according to government figures.

The Bank of Japan raised its policy rate to 0.5% in January 2025. Toyota sold 10.3 million \
vehicles worldwide in 2023. Osaka hosted the World Expo from April to October 2025. The \
Shinkansen opened between Tokyo and Osaka in October 1964. Hokkaido is the second largest \
island of Japan. Japan imported 62 million tonnes of coal for its steel mills in 2023, the \
ministry reported. Pittsburgh lost half of its steel jobs between 1980 and 1985.
"""


def _wiki_answer(request):
    time.sleep(WIKI_DELAY)
    page = {
        "pageid": 1,
        "ns": 0,
        "title": "Nippon Steel",
        "index": 1,
        "fullurl": "https://en.wikipedia.org/wiki/Nippon_Steel",
        "extract": "In December 2023 Nippon Steel agreed to buy U.S. Steel for $14.9 billion.",
    }
    body = {"batchcomplete": True, "query": {"pages": [page]}}
    return Response(json.dumps(body), content_type="application/json")


@pytest.fixture(scope="module")
def chromium():
    """Chromium and its driver, or a clean skip (a failure where they are required)."""
    missing = []
    if CHROMIUM is None or CHROMEDRIVER is None:
        missing.append("Debian's chromium and chromium-driver (apt-get install -y chromium ")
        missing.append("chromium-driver)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install -e '.[test]')")
    if missing:
        reason = "browser tests need " + "".join(missing)
        if os.environ.get("FACTCHECK_BROWSER_TESTS") == "required":
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM, CHROMEDRIVER


@pytest.fixture(scope="module")
def fake_sources():
    """A slow fake Wikipedia and an endpoint that always fails, side by side."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.expect_request("/w/api.php").respond_with_handler(_wiki_answer)
    server.expect_request("/broken/api.php").respond_with_data("down", status=503)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture(scope="module")
def page_sources(tmp_path_factory, corpus_file, fake_sources) -> Path:
    """The fixture corpus, the slow fake Wikipedia, and a source that is down."""
    path = tmp_path_factory.mktemp("web") / "sources.yaml"
    wiki = fake_sources.url_for("/w/api.php")
    broken = fake_sources.url_for("/broken/api.php")
    path.write_text(
        "sources:\n"
        f"  - {{name: local, type: corpus, path: '{corpus_file}'}}\n"
        f"  - {{name: wiki, type: wikipedia, base_url: '{wiki}', retries: 0}}\n"
        f"  - {{name: broken, type: wikipedia, base_url: '{broken}', retries: 0}}\n"
    )
    return path


@pytest.fixture(scope="module")
def prefix():
    """A Redis key prefix (and queue) of this module's own, deleted afterwards."""
    name = f"factcheck-web-{uuid.uuid4().hex[:12]}"
    yield name
    delete_keys(f"{name}*")


@pytest.fixture(scope="module")
def worker(page_sources, prefix, tmp_path_factory):
    """A background worker process on this module's queue, one claim at a time."""
    log_path = tmp_path_factory.mktemp("worker") / "worker.log"
    env = {
        **os.environ,
        "FACTCHECK_REDIS_URL": REDIS_URL,
        "FACTCHECK_SOURCES_FILE": str(page_sources),
        "FACTCHECK_CACHE_PREFIX": prefix,
        "FACTCHECK_WORKERS": "1",
    }
    with log_path.open("wb") as log:
        process = start_worker(env, log)
        yield log_path
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def server(chromium, page_sources, prefix, worker):
    """The real app in a real HTTP server thread; yields its base URL."""
    app = create_app(
        {"sources_file": str(page_sources), "redis_url": REDIS_URL, "cache_prefix": prefix}
    )
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(timeout=10)
    app.extensions["factcheck"].checker.close()


@pytest.fixture(scope="module")
def browser(chromium, tmp_path_factory):
    """Headless Chromium at desktop size, downloads into a temporary folder."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = chromium
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--lang=en-US",
        "--no-proxy-server",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.downloads = tmp_path_factory.mktemp("downloads")
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior",
        {"behavior": "allow", "downloadPath": str(driver.downloads)},
    )
    yield driver
    driver.quit()


def _written(path: Path) -> bool:
    """Whether a download has landed whole: Chromium creates the file before it writes it."""
    return path.exists() and path.stat().st_size > 0


def _wait(condition, message, seconds=60.0, interval=0.05):
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(message)
        time.sleep(interval)


def _screenshot(driver, name: str) -> Path:
    """A full-page PNG under var/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    path = SCREENSHOTS / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    print(f"screenshot: {path}")
    return path


def _open_page(driver, server):
    from selenium.webdriver.common.by import By

    driver.get(server + "/")
    _wait(
        lambda: len(driver.find_elements(By.CSS_SELECTOR, "#sources input")) == 3,
        "the sources were not listed",
    )


def _paste(driver, text: str) -> None:
    """Put the text in the box as a paste does (typing 2,000 characters takes long)."""
    from selenium.webdriver.common.by import By

    box = driver.find_element(By.ID, "text")
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        box,
        text,
    )


def _check_and_wait(driver, seconds=90.0):
    from selenium.webdriver.common.by import By

    driver.find_element(By.ID, "check").click()
    results = driver.find_element(By.ID, "results")
    _wait(results.is_displayed, "no result was shown", seconds=seconds)
    return results


def _percent(value: float) -> int:
    """A share as the page shows it: JavaScript's Math.round rounds halves up, Python's round
    to even (0.905 is 91 there, 90 here)."""
    return math.floor(value * 100 + 0.5)


def _browser_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _only_local_requests(driver, server) -> list[str]:
    names = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);"
    )
    return [name for name in names if not name.startswith(server)]


def test_a_pasted_article_gets_highlighted_claims_whose_evidence_opens(browser, server, article):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(1280, 900)
    _open_page(browser, server)
    text = article + "<b>Bold</b> markup stays text.\n"
    browser.find_element(By.ID, "text").send_keys(text)  # typed, as a keyboard user would
    browser.execute_script("document.getElementById('as-of').value = '2025-02-08'")
    _check_and_wait(browser)

    # The report the page got, asked again: the verdicts are cached now.
    expected = requests.post(
        server + "/v1/checks", json={"text": text, "published_at": "2025-02-08"}, timeout=60
    ).json()
    claims = browser.find_elements(By.CSS_SELECTOR, "#article .claim")
    assert [c.get_attribute("data-claim") for c in claims] == [c["id"] for c in expected["claims"]]
    for button, claim in zip(claims, expected["claims"], strict=True):
        assert button.find_element(By.CLASS_NAME, "claim-text").text == claim["original"]
        assert f"v-{claim['verdict']['label']}" in button.get_attribute("class")
        worth = _percent(claim["checkworthiness"])
        assert button.find_element(By.CLASS_NAME, "cw").text == f"CW {worth}"
    article_box = browser.find_element(By.ID, "article")
    assert not article_box.find_elements(By.TAG_NAME, "b"), "report text never becomes markup"
    assert "<b>Bold</b>" in article_box.text

    warning = browser.find_element(By.CSS_SELECTOR, "#source-status .warning")
    assert "broken" in warning.text and "failed" in warning.text
    broken = browser.find_element(By.CSS_SELECTOR, '#source-status li[data-source="broken"]')
    assert broken.get_attribute("data-status") in ("error", "circuit_open")

    # Keyboard: Tab to a claim with evidence, Enter opens it, focus moves to the details.
    nippon = next(c for c in expected["claims"] if "Nippon" in c["original"] and c["evidence"])
    button = browser.find_element(By.CSS_SELECTOR, f'.claim[data-claim="{nippon["id"]}"]')
    button.send_keys(Keys.ENTER)
    details = browser.find_element(By.ID, "details")
    _wait(lambda: details.find_elements(By.ID, "verdict"), "the claim's details did not open")
    assert browser.switch_to.active_element.text == f"Claim {nippon['id']}"
    assert button.get_attribute("aria-pressed") == "true"
    verdict = nippon["verdict"]
    assert details.find_element(By.ID, "verdict").get_attribute("data-label") == verdict["label"]
    assert details.find_element(By.CLASS_NAME, "rationale").text == verdict["rationale"]
    confidence = details.find_element(By.CLASS_NAME, "confidence").text
    if verdict["label"] == "not_enough_evidence":
        assert "Unverified" in confidence and "%" not in confidence
    else:
        assert confidence == f"Confidence: {_percent(verdict['confidence'])}%"
    items = details.find_elements(By.CLASS_NAME, "evidence-item")
    assert len(items) == len(nippon["evidence"])
    for item, evidence in zip(items, nippon["evidence"], strict=True):
        assert item.find_element(By.CLASS_NAME, "source").text == evidence["source"]
        assert item.find_element(By.CLASS_NAME, "stance").text == evidence["stance"]
        assert item.find_element(By.CLASS_NAME, "snippet").text == evidence["snippet"].strip()
        if evidence["url"]:
            assert (
                item.find_element(By.CSS_SELECTOR, "a.title").get_attribute("href")
                == (evidence["url"])
            )
    _screenshot(browser, "desktop-1280-evidence")

    # A claim without a verdict says what that means, and shows no confidence.
    # Another claim than the one open: clicking the open one closes its details.
    unsure = [
        c
        for c in expected["claims"]
        if c["verdict"]["label"] == "not_enough_evidence" and c["id"] != nippon["id"]
    ]
    assert unsure, "the fixture article has claims the sources cannot settle"
    browser.find_element(By.CSS_SELECTOR, f'.claim[data-claim="{unsure[0]["id"]}"]').click()
    _wait(lambda: "Unverified" in details.text, "no explanation of not_enough_evidence")
    assert "Confidence:" not in details.text
    assert details.find_element(By.CSS_SELECTOR, 'a[href="#nee-help"]').is_displayed()
    # Escape where the focus is (the details' heading) goes back to the claim.
    focused = browser.switch_to.active_element
    assert focused.text == f"Claim {unsure[0]['id']}"
    focused.send_keys(Keys.ESCAPE)
    assert browser.switch_to.active_element.get_attribute("data-claim") == unsure[0]["id"]

    # Exports: the report as JSON, and as ClaimReview JSON-LD.
    browser.find_element(By.ID, "export-json").click()
    report_file = browser.downloads / "factcheck-report.json"
    _wait(lambda: _written(report_file), "the JSON report was not downloaded", seconds=20)
    report = json.loads(report_file.read_text())
    assert [c["id"] for c in report["claims"]] == [c["id"] for c in expected["claims"]]
    browser.find_element(By.ID, "export-claimreview").click()
    reviews_file = browser.downloads / "factcheck-claimreview.jsonld"
    _wait(lambda: _written(reviews_file), "the ClaimReview was not downloaded", seconds=20)
    reviews = json.loads(reviews_file.read_text())
    assert reviews["@context"] == "https://schema.org"
    assert len(reviews["@graph"]) == len(expected["claims"])
    assert {r["@type"] for r in reviews["@graph"]} == {"ClaimReview"}

    assert _only_local_requests(browser, server) == []
    assert _browser_errors(browser) == []


def test_a_long_article_runs_in_the_background_and_its_progress_bar_completes(browser, server):
    from selenium.webdriver.common.by import By

    browser.set_window_size(1280, 900)
    _open_page(browser, server)
    _paste(browser, LONG_ARTICLE)
    assert len(LONG_ARTICLE) > int(
        browser.find_element(By.TAG_NAME, "body").get_attribute("data-long-article")
    )
    browser.find_element(By.ID, "check").click()
    section = browser.find_element(By.ID, "progress-section")
    progress = browser.find_element(By.ID, "progress")
    seen = []
    shot = None

    def done():
        status = section.get_attribute("data-status")
        value, top = progress.get_attribute("value"), progress.get_attribute("max")
        if status == "running" and value and 0 < float(value) < float(top):
            seen.append((float(value), float(top)))
        return status == "done"

    deadline = time.monotonic() + 180
    while not done():
        if seen and shot is None:
            shot = _screenshot(browser, "desktop-1280-progress")
        if time.monotonic() > deadline:
            pytest.fail(f"the background check did not finish: {section.text}")
        time.sleep(0.05)
    assert seen, "the progress bar never showed claims done / total part way"
    assert [value for value, _ in seen] == sorted(value for value, _ in seen), "it only fills"
    results = browser.find_element(By.ID, "results")
    _wait(results.is_displayed, "the background check's report was not shown")
    claims = browser.find_elements(By.CSS_SELECTOR, "#article .claim")
    total = float(progress.get_attribute("max"))
    assert float(progress.get_attribute("value")) == total == len(claims) > 5
    assert (
        f"All {len(claims)} claims checked." == browser.find_element(By.ID, "progress-label").text
    )
    warning = browser.find_element(By.CSS_SELECTOR, "#source-status .warning")
    assert "broken" in warning.text
    _screenshot(browser, "desktop-1280-background")
    assert _browser_errors(browser) == []


def test_the_page_works_at_phone_width(browser, server, article):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True},
    )
    try:
        _open_page(browser, server)
        width = "return document.documentElement.scrollWidth"
        assert browser.execute_script(width) <= 390, "no sideways scrolling"
        _screenshot(browser, "phone-390-form")
        _paste(browser, article)
        _check_and_wait(browser)
        first = browser.find_element(By.CSS_SELECTOR, "#article .claim")
        first.send_keys(Keys.ENTER)
        details = browser.find_element(By.ID, "details")
        _wait(lambda: details.find_elements(By.ID, "verdict"), "the claim's details did not open")
        assert browser.execute_script(width) <= 390, "no sideways scrolling"
        top = browser.execute_script("return arguments[0].getBoundingClientRect().top", details)
        assert -1 < top < 844, "the details are scrolled into view below the article"
        _screenshot(browser, "phone-390-evidence")
        assert _browser_errors(browser) == []
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.fixture(scope="module")
def keyed_server(chromium, page_sources):
    """The app with API keys on (no Redis: checks answer at once); yields (base URL, key)."""
    from service.api.auth import hash_key

    key = "page-test-key"
    app = create_app(
        {"sources_file": str(page_sources), "redis_url": "", "api_keys": hash_key(key)}
    )
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", key
    httpd.shutdown()
    thread.join(timeout=10)
    app.extensions["factcheck"].checker.close()


def test_with_keys_on_the_page_asks_for_one_and_sends_it(browser, keyed_server, article):
    from selenium.webdriver.common.by import By

    server, key = keyed_server
    browser.set_window_size(1280, 900)
    browser.get(server + "/")
    sources = browser.find_element(By.ID, "sources")
    _wait(lambda: "asks for an API key" in sources.text, "the page did not ask for a key")
    assert browser.find_element(By.ID, "access").get_attribute("open") is not None

    field = browser.find_element(By.ID, "api-key")
    field.send_keys("a wrong key")
    browser.execute_script("arguments[0].dispatchEvent(new Event('change'))", field)
    _wait(lambda: "not accepted" in sources.text, "a wrong key was not reported")

    field.clear()
    field.send_keys(key)
    browser.execute_script("arguments[0].dispatchEvent(new Event('change'))", field)
    _wait(
        lambda: len(browser.find_elements(By.CSS_SELECTOR, "#sources input")) == 3,
        "the sources were not listed with the key",
    )
    _paste(browser, article)
    results = _check_and_wait(browser)
    assert browser.find_elements(By.CSS_SELECTOR, "#article .claim"), results.text
    # The refused requests are logged as failed loads; nothing else went wrong.
    assert [e for e in _browser_errors(browser) if "status of 40" not in e] == []
