"""What every browser test needs: the built binaries, a server, a phone-sized browser.

- ``Server(extra=(), demo=True, prepare=None)``: ``quorum serve`` (``--demo`` unless
  ``demo=False``) on a free port with a fresh SQLite database; ``prepare(database_url)``
  runs before the server starts, to seed it (e.g. with ``seed``). ``stop()`` ends it.
- ``phone_browser(script=True)``: headless Chromium at 375×667 (Debian's ``chromium`` and
  ``chromium-driver``, Selenium from PyPI); ``script=False`` turns JavaScript off.
- ``seed(what, database_url)``: runs ``quorum-fixtures WHAT --database URL`` (test data
  from a binary of its own, never deployed) and returns the JSON it prints.
- ``watch_csp(driver)`` / ``csp_violations(driver)``: records every Content-Security-Policy
  violation of the pages opened afterwards (a listener added before any page script), and
  returns those of the current page together with the console's CSP messages.
- ``SiteTest``: a unittest class with a server and a browser for the class, and the usual
  steps (go, find, click, submit, bind a demo owner); each test fails if the console shows a
  Content-Security-Policy violation.
- ``SHOTS``: where screenshots go ($QUORUM_SCREENSHOTS, default a temporary folder).

The binaries are those `swift test` built (.build/debug; $QUORUM_BIN_DIR overrides).
"""

import json
import os
import re
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN_DIR = os.environ.get("QUORUM_BIN_DIR", os.path.join(ROOT, ".build", "debug"))
BINARY = os.environ.get("QUORUM_BINARY", os.path.join(BIN_DIR, "quorum"))
SHOTS = os.environ.get("QUORUM_SCREENSHOTS") or tempfile.mkdtemp(prefix="quorum-shots-")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(what, database):
    """Runs `quorum-fixtures WHAT --database URL` and returns the JSON it prints."""
    result = subprocess.run([os.path.join(BIN_DIR, "quorum-fixtures"), what, "--database", database],
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError("quorum-fixtures failed: " + result.stderr)
    return json.loads(result.stdout)


class Server:
    """`quorum serve` on a free port with a fresh database, stopped at the end."""

    def __init__(self, extra=(), demo=True, prepare=None):
        self.folder = tempfile.mkdtemp(prefix="quorum-browser-")
        self.database = f"sqlite:///{self.folder}/quorum.sqlite"
        self.prepared = prepare(self.database) if prepare else None
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(self.folder, "server.log"), "w")
        arguments = [BINARY, "serve", "--port", str(self.port), "--database", self.database, *extra]
        if demo:
            arguments.insert(2, "--demo")
        self.process = subprocess.Popen(arguments, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(self.url + "/health", timeout=1).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("quorum serve did not start; see " + self.log.name)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def phone_browser(script=True):
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=375,667", "--lang=zh-CN"]:
        options.add_argument(argument)
    if not script:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    # The console, for the tests that look for Content-Security-Policy violations.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    binary = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if os.path.exists(binary):
        options.binary_location = binary
    driver_path = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_window_size(375, 667)
    return driver


class SiteTest(unittest.TestCase):
    """A test class with a `Server` (``server_options`` are its arguments) and a phone
    browser for the whole class, and the steps every page test takes."""

    server_options = {}
    shot_prefix = ""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(**cls.server_options)
        cls.browser = phone_browser()

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.server.stop()

    def tearDown(self):
        # Every page the test opened ran under the site's Content-Security-Policy without a
        # violation (Chromium reports each one in the console).
        messages = [e["message"] for e in self.browser.get_log("browser") if "Content Security Policy" in e.get("message", "")]
        self.assertEqual(messages, [], "Content-Security-Policy violations")

    def shot(self, name):
        self.browser.save_screenshot(os.path.join(SHOTS, self.shot_prefix + name + ".png"))

    def go(self, path):
        self.browser.get(self.server.url + path)

    def find(self, selector):
        return WebDriverWait(self.browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, selector))

    def click(self, selector):
        self.browser.execute_script("arguments[0].click()", self.find(selector))

    def submit(self, selector, then_title):
        """Clicks a submit button and waits for the next page, known by its title."""
        self.click(selector)
        WebDriverWait(self.browser, 10).until(lambda b: then_title in b.title)

    def confirm(self, selector, then_title, says):
        """Clicks a button whose form asks first: the question must name `says`; accepts it
        and waits for the next page, known by its title."""
        self.click(selector)
        alert = WebDriverWait(self.browser, 10).until(EC.alert_is_present())
        assert says in alert.text, alert.text
        alert.accept()
        WebDriverWait(self.browser, 10).until(lambda b: then_title in b.title)

    def signed_out(self):
        self.go("/health")
        self.browser.delete_all_cookies()

    def bind_owner(self, name, id_number):
        """Binds a demo owner by the code the demo shows on the page; ends on the votes."""
        self.signed_out()
        self.go("/bind")
        self.find("#name").send_keys(name)
        self.find("#id_number").send_keys(id_number)
        self.submit("#send-code", "输入验证码")
        code = re.search(r"\d{6}", self.find("#demo-message").text).group(0)
        self.find("#code").send_keys(code)
        self.submit("#confirm-code", "我的小区表决")


CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || "") + ":" + e.lineNumber);
});
"""


def watch_csp(driver):
    """From now on, every page the driver opens records its CSP violations."""
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_LISTENER})


def csp_violations(driver):
    """The current page's recorded violations, and the console's CSP messages since the last call."""
    found = list(driver.execute_script("return window.__cspViolations || []") or [])
    for entry in driver.get_log("browser"):
        if "Content Security Policy" in entry.get("message", ""):
            found.append(entry["message"])
    return found
