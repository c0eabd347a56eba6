"""The owner's check on a phone: /verify with a receipt, in Chromium, with and without script.

A log with a known receipt is seeded by `quorum-fixtures receipt` before the server starts.
The page's script must agree with the server: a true receipt checks out (Web Crypto: SHA-256
and Ed25519), a receipt with other choices does not. Screenshots: verify-*.png in SHOTS.
"""

import os
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from harness import SHOTS, Server, phone_browser, seed


class VerifyPageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(demo=False, prepare=lambda database: seed("receipt", database))
        cls.receipt = cls.server.prepared

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def open(self, browser, path, shot):
        browser.get(self.server.url + path)
        browser.save_screenshot(os.path.join(SHOTS, shot + ".png"))

    def browser_verdict(self, browser):
        """Waits for verify.js to finish; returns its outcome and message."""
        result = browser.find_element(By.ID, "browser-result")
        WebDriverWait(browser, 20).until(lambda _: result.get_attribute("data-outcome") in ("pass", "fail"))
        return result.get_attribute("data-outcome"), result.text

    def test_a_true_receipt_checks_out_in_the_browser_and_on_the_server(self):
        browser = phone_browser()
        try:
            browser.get(self.server.url + "/verify?r=" + self.receipt["receipt"])
            outcome, message = self.browser_verdict(browser)
            browser.save_screenshot(os.path.join(SHOTS, "verify-pass.png"))
            self.assertEqual(outcome, "pass", message)
            self.assertTrue(message.startswith("通过"), message)
            server = browser.find_element(By.ID, "server-result")
            self.assertEqual(server.get_attribute("data-outcome"), "pass")
            self.assertIn("核验通过", server.text)
            self.assertLessEqual(browser.execute_script("return document.documentElement.scrollWidth"), 375)
        finally:
            browser.quit()

    def test_a_tampered_receipt_fails_in_the_browser_and_on_the_server(self):
        browser = phone_browser()
        try:
            browser.get(self.server.url + "/verify?r=" + self.receipt["tampered"])
            outcome, message = self.browser_verdict(browser)
            browser.save_screenshot(os.path.join(SHOTS, "verify-fail.png"))
            self.assertEqual(outcome, "fail")
            self.assertTrue(message.startswith("未通过"), message)
            self.assertEqual(browser.find_element(By.ID, "server-result").get_attribute("data-outcome"), "fail")
        finally:
            browser.quit()

    def test_the_form_works_without_script_and_in_english(self):
        browser = phone_browser(script=False)
        try:
            browser.get(self.server.url + "/verify?lang=en")
            browser.find_element(By.ID, "r").send_keys(self.receipt["receipt"])
            browser.find_element(By.ID, "check").click()
            WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.ID, "server-result"))
            browser.save_screenshot(os.path.join(SHOTS, "verify-no-script.png"))
            self.assertEqual(browser.find_element(By.ID, "server-result").get_attribute("data-outcome"), "pass")
            self.assertIn("Verified", browser.find_element(By.ID, "server-result").text)
            self.assertEqual(browser.find_element(By.ID, "browser-result").get_attribute("data-outcome"), "none")
        finally:
            browser.quit()


if __name__ == "__main__":
    unittest.main(verbosity=2)
