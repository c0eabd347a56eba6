"""The owner's whole path in a real browser (Debian's Chromium, chromium-driver, Selenium).

Runs the `quorum` binary that `swift test` built, with `serve --demo` on a free port and a
fresh SQLite database; drives a phone-sized window (375×667) through binding, the notice,
the ballot, confirming with a typed signature, and the receipt; checks that the progress
moved and that a second ballot for the same rooms is refused. Screenshots of each step go
to $QUORUM_SCREENSHOTS (default: a temporary folder).
"""

import base64
import json
import os
import re
import secrets
import tempfile
import time
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from harness import SHOTS, Server, phone_browser


class OwnerPathTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.browser = phone_browser()

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.server.stop()

    def setUp(self):
        self.go("/health")
        self.browser.delete_all_cookies()

    def shot(self, name):
        self.browser.save_screenshot(os.path.join(SHOTS, name + ".png"))

    def go(self, path):
        self.browser.get(self.server.url + path)

    def find(self, selector):
        return WebDriverWait(self.browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, selector))

    def submit(self, selector, then_title):
        """Clicks a submit button and waits for the next page, known by its heading."""
        self.find(selector).click()
        WebDriverWait(self.browser, 10).until(lambda b: then_title in b.title)

    def bind(self, name, id_number):
        self.go("/bind")
        self.find("#name").send_keys(name)
        self.find("#id_number").send_keys(id_number)
        self.shot("1-bind")
        self.submit("#send-code", "输入验证码")
        message = self.find("#demo-message").text
        code = re.search(r"\d{6}", message).group(0)
        self.shot("2-code")
        self.find("#code").send_keys(code)
        self.submit("#confirm-code", "我的小区表决")

    def test_an_owner_binds_votes_and_gets_a_receipt_in_five_screens(self):
        self.go("/")
        self.assertIn("业主共同决定", self.browser.title)
        self.shot("0-home")
        self.bind("王建国", "370202196505050011")
        # (1) the votes of my estate, with the progress
        self.assertIn("我的小区表决", self.find("h1").text)
        self.assertIn("1-1-101、1-1-102", self.browser.page_source)
        heads_before = self.find("[data-field=heads]").text
        self.shot("3-votes")
        self.submit("a[id^=open-]", "表决公告")
        # (2) the notice
        self.assertIn("四分之三", self.browser.page_source)
        self.shot("4-notice")
        self.submit("a[id^=to-ballot-]", "表决票")
        # (3) the ballot: the page stops the sixth candidate of five seats
        self.find("#m-m1-agree").click()
        self.find("#m-m2-oppose").click()
        for candidate in ["c1", "c2", "c3", "c4", "c5", "c6"]:
            self.browser.execute_script("arguments[0].click()", self.find(f"#c-m3-{candidate}"))
        chosen = self.browser.find_elements(By.CSS_SELECTOR, "input[name='c.m3']:checked")
        self.assertEqual(len(chosen), 5, "the sixth candidate is refused by the page")
        self.assertIn("5 / 5", self.find(".counter").text)
        self.shot("5-ballot")
        self.submit("#to-confirm", "确认并签名")
        # (4) confirm and sign
        self.assertIn("同意", self.browser.page_source)
        self.find("#signature-typed").send_keys("王建国")
        self.shot("6-confirm")
        self.submit("#submit-ballot", "投票回执")
        # (5) the receipt
        code = self.find("#receipt-code").text
        self.assertRegex(code, r"^[0-9A-Z*~$=U]{4}(-[0-9A-Z*~$=U]{1,4})+$")
        self.shot("7-receipt")
        # The receipt's check: the ballot's entry is in the signed audit log, checked in the browser.
        receipt_url = self.browser.current_url
        self.submit("#verify-ballot", "核验")
        WebDriverWait(self.browser, 20).until(
            lambda b: b.find_element(By.ID, "browser-result").get_attribute("data-outcome") in ("pass", "fail"))
        self.assertEqual(self.find("#browser-result").get_attribute("data-outcome"), "pass", self.find("#browser-result").text)
        self.assertEqual(self.find("#server-result").get_attribute("data-outcome"), "pass")
        self.shot("7b-verified")
        self.browser.get(receipt_url)
        # The progress moved by one owner.
        self.go("/votes")
        heads_after = self.find("[data-field=heads]").text
        self.assertEqual(int(heads_after.split("/")[0]), int(heads_before.split("/")[0]) + 1)
        self.assertIn("网上投票", self.find("[id^=received-]").text)
        self.shot("8-voted")

    def test_the_server_refuses_a_second_ballot_and_over_selection(self):
        self.bind("李梅", "370202197003030022")
        self.submit("a[id^=open-]", "表决公告")
        ballot_url = self.find("a[id^=to-ballot-]").get_attribute("href")
        self.browser.get(ballot_url)
        # With the script: the sixth choice is undone, and the count says why (issue 13, item 20).
        for box in self.browser.find_elements(By.CSS_SELECTOR, "input[name='c.m3']")[:6]:
            self.browser.execute_script("arguments[0].click()", box)
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, "input[name='c.m3']:checked")), 5)
        self.assertIn("最多选 5 人", self.find("fieldset[data-seats] .counter").text)
        self.shot("9a-one-too-many")
        # Over-selection sent without the page's script: the server refuses it.
        self.browser.execute_script("document.querySelectorAll('input[name=\"c.m3\"]').forEach(function (b) { b.checked = true; })")
        self.find("#m-m1-abstain").click()
        self.find("#m-m2-agree").click()
        self.find("#to-confirm").submit()
        WebDriverWait(self.browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "[role=alert]"))
        self.assertIn("最多选 5 人", self.find("[role=alert]").text)
        self.shot("9-over-selected")
        # A proper ballot, then the co-owner tries to vote for the same flat.
        for box in self.browser.find_elements(By.CSS_SELECTOR, "input[name='c.m3']:checked"):
            self.browser.execute_script("arguments[0].checked = false", box)
        self.find("#m-m1-abstain").click()
        self.find("#m-m2-agree").click()
        self.submit("#to-confirm", "确认并签名")
        self.find("#signature-typed").send_keys("李梅")
        self.submit("#submit-ballot", "投票回执")
        self.browser.delete_all_cookies()
        self.bind("张伟", "370202196801010033")
        self.assertIn("已由共有人 李梅 于", self.find("[id^=received-]").text, "the co-owner sees who cast the shared vote")
        self.shot("9b-co-owner")
        self.assertEqual(self.browser.find_elements(By.CSS_SELECTOR, "a[id^=open-]"), [])
        self.shot("10-co-owner")


class CredentialBindingTest(unittest.TestCase):
    """Binding by a trusted digital identity: an ES256 credential minted with a test key."""

    @classmethod
    def setUpClass(cls):
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        cls.key = ec.generate_private_key(ec.SECP256R1())
        pem = cls.key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
        folder = tempfile.mkdtemp(prefix="quorum-idp-")
        providers = os.path.join(folder, "providers.json")
        with open(providers, "w") as f:
            json.dump([{"issuer": "https://id.example.gov.cn", "audience": "quorum", "public_key_pem": pem}], f)
        cls.server = Server(extra=("--identity-providers", providers))
        cls.browser = phone_browser()

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.server.stop()

    def mint(self, subject, name, issuer="https://id.example.gov.cn"):
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

        def b64(data):
            return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
        header = b64(json.dumps({"alg": "ES256", "typ": "JWT"}).encode())
        now = int(time.time())
        payload = b64(json.dumps({"iss": issuer, "aud": "quorum", "sub": subject, "name": name, "iat": now, "exp": now + 300, "jti": secrets.token_hex(8)}).encode())
        r, s = decode_dss_signature(self.key.sign(f"{header}.{payload}".encode(), ec.ECDSA(hashes.SHA256())))
        return f"{header}.{payload}.{b64(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"

    def test_a_trusted_credential_binds_and_an_untrusted_one_is_refused(self):
        wait = WebDriverWait(self.browser, 10)
        self.browser.get(self.server.url + "/bind")
        field = wait.until(lambda b: b.find_element(By.ID, "credential"))
        field.send_keys(self.mint("370202196505050011", "王建国", issuer="https://evil.example"))
        self.browser.find_element(By.ID, "bind-credential").click()
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "[role=alert]"))
        self.assertIn("不受信任", self.browser.find_element(By.CSS_SELECTOR, "[role=alert]").text)
        field = wait.until(lambda b: b.find_element(By.ID, "credential"))
        field.send_keys(self.mint("370202196505050011", "王建国"))
        self.browser.find_element(By.ID, "bind-credential").click()
        wait.until(lambda b: "我的小区表决" in b.title)
        self.assertIn("王建国", self.browser.page_source)
        self.browser.save_screenshot(os.path.join(SHOTS, "11-credential-bound.png"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
