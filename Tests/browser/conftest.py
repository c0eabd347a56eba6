"""End-to-end browser tests: the real `quorum serve` binary, a real Chromium.

Reusable fixtures (pytest):

- ``quorum_bin(name)``: the path of a binary SwiftPM built (``.build/debug`` by default;
  ``QUORUM_BIN_DIR`` overrides), e.g. ``quorum`` or ``quorum-fixtures``.
- ``database``: a fresh SQLite database URL in a temporary folder.
- ``serve(database)``: starts ``quorum serve`` on a free port of 127.0.0.1, waits for
  ``/health``, returns its base URL; stopped when the test ends.
- ``phone``: headless Chromium with a 375×667 phone viewport (Selenium, Debian's
  ``chromium`` and ``chromium-driver``); ``phone_without_script`` the same with JavaScript off.
- ``screenshot(driver, name)``: saves a PNG under ``QUORUM_SCREENSHOTS``
  (default ``.build/screenshots``) and returns its path.

Seed data through ``quorum-fixtures``, a binary of its own that the deployed ``quorum``
does not contain.
"""

import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]
BIN_DIR = Path(os.environ.get("QUORUM_BIN_DIR", ROOT / ".build" / "debug"))
SCREENSHOTS = Path(os.environ.get("QUORUM_SCREENSHOTS", ROOT / ".build" / "screenshots"))
PHONE = {"width": 375, "height": 667}


@pytest.fixture(scope="session")
def quorum_bin():
    def path(name):
        binary = BIN_DIR / name
        if not binary.exists():
            pytest.fail(f"{binary} is missing: run `swift build` (or `swift test`) first")
        return str(binary)

    return path


@pytest.fixture
def database(tmp_path):
    return f"sqlite:///{tmp_path}/quorum.sqlite"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def serve(quorum_bin, tmp_path):
    servers = []

    def start(database):
        port = free_port()
        log = open(tmp_path / f"serve-{port}.log", "w")
        process = subprocess.Popen(
            [quorum_bin("quorum"), "serve", "--host", "127.0.0.1", "--port", str(port), "--database", database],
            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "QUORUM_SECRET": ""})
        servers.append((process, log))
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"quorum serve exited: {(tmp_path / f'serve-{port}.log').read_text()}")
            try:
                with urllib.request.urlopen(base + "/health", timeout=1) as response:
                    if response.read() == b"ok":
                        return base
            except OSError:
                time.sleep(0.1)
        pytest.fail("quorum serve did not answer /health within 30 s")

    yield start
    for process, log in servers:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def seed(quorum_bin, what, database):
    """Runs `quorum-fixtures WHAT --database URL` and returns the JSON it prints."""
    result = subprocess.run([quorum_bin("quorum-fixtures"), what, "--database", database],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def make_driver(script=True):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={PHONE['width']},{PHONE['height']}", "--lang=zh-CN"):
        options.add_argument(argument)
    if not script:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {**PHONE, "deviceScaleFactor": 2, "mobile": True})
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture
def phone():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture
def phone_without_script():
    driver = make_driver(script=False)
    yield driver
    driver.quit()


@pytest.fixture
def screenshot():
    def take(driver, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        driver.save_screenshot(str(path))
        return path

    return take
