"""The owner's path under the Content-Security-Policy, in Chromium: no violation anywhere.

Every page sends `script-src 'self'; style-src 'self'` without 'unsafe-inline', so an inline
script, an `on…=` handler or a `style=` attribute would be blocked and reported. This test
walks the owner's whole path (binding, the votes with their live progress, the notice, the
ballot with its candidate limit, a signature drawn on the pad, the receipt, the in-browser
check of the receipt, signing out) with a listener for `securitypolicyviolation` events that
is installed before any page script, and reads the console too. It also checks that the
page's script still works under the policy (the pad fills its field, the progress refreshes).
"""

import os
import re
import unittest

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from harness import SHOTS, Server, csp_violations, phone_browser, watch_csp


class ContentSecurityPolicyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.browser = phone_browser()
        watch_csp(cls.browser)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.server.stop()

    def find(self, selector):
        return WebDriverWait(self.browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, selector))

    def submit(self, selector, then_title):
        self.find(selector).click()
        WebDriverWait(self.browser, 10).until(lambda b: then_title in b.title)
        self.check(then_title)

    def go(self, path, title):
        self.browser.get(self.server.url + path)
        WebDriverWait(self.browser, 10).until(lambda b: title in b.title)
        self.check(path)

    def check(self, where):
        """No violation on the page now open (after its script has run)."""
        self.browser.execute_script("return document.readyState")
        violations = csp_violations(self.browser)
        self.assertEqual(violations, [], f"CSP violations on {where}")

    def test_the_owner_path_runs_without_a_single_violation(self):
        self.go("/", "业主共同决定")
        header = self.browser.execute_script(
            "var r = new XMLHttpRequest(); r.open('GET', '/bind', false); r.send(); return r.getResponseHeader('Content-Security-Policy');")
        self.assertIn("script-src 'self'", header)
        self.assertNotIn("unsafe-inline", header)
        self.go("/bind", "绑定业主身份")
        self.find("#name").send_keys("王建国")
        self.find("#id_number").send_keys("370202196505050011")
        self.submit("#send-code", "输入验证码")
        code = re.search(r"\d{6}", self.find("#demo-message").text).group(0)
        self.find("#code").send_keys(code)
        self.submit("#confirm-code", "我的小区表决")
        # The progress bars are SVG; the script refreshes them every 5 s under the policy.
        fill = self.find("svg.bar rect[data-fill=heads]")
        self.assertTrue(fill.get_attribute("width").isdigit())
        self.browser.execute_script("arguments[0].setAttribute('width', '7')", fill)
        WebDriverWait(self.browser, 12).until(lambda b: fill.get_attribute("width") != "7")
        self.check("/votes after a refresh")
        self.submit("a[id^=open-]", "表决公告")
        self.submit("a[id^=to-ballot-]", "表决票")
        self.find("#m-m1-agree").click()
        self.find("#m-m2-abstain").click()
        for candidate in ["c1", "c2", "c3", "c4", "c5", "c6"]:
            self.browser.execute_script("arguments[0].click()", self.find(f"#c-m3-{candidate}"))
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, "input[name='c.m3']:checked")), 5)
        self.check("the ballot after choosing")
        self.submit("#to-confirm", "确认并签名")
        # Draw a signature on the pad: the script puts it in the form.
        pad = self.find("canvas.signature")
        self.browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", pad)
        ActionChains(self.browser).move_to_element_with_offset(pad, -60, -10).click_and_hold() \
            .move_by_offset(40, 15).move_by_offset(40, -20).move_by_offset(30, 25).release().perform()
        drawn = self.find("#signature-drawn").get_attribute("value")
        self.assertTrue(drawn.startswith("data:image/png;base64,"), "the pad works under the policy")
        self.browser.save_screenshot(os.path.join(SHOTS, "csp-signed.png"))
        self.check("the signature pad")
        self.submit("#submit-ballot", "投票回执")
        self.submit("#verify-ballot", "核验")
        WebDriverWait(self.browser, 20).until(
            lambda b: b.find_element(By.ID, "browser-result").get_attribute("data-outcome") in ("pass", "fail"))
        self.assertEqual(self.find("#browser-result").get_attribute("data-outcome"), "pass")
        self.check("/verify after the browser's check")
        self.go("/votes", "我的小区表决")
        self.submit("header input[type=submit]", "业主共同决定")
        self.go("/verify?r=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", "核验")
        # A reflected script stays text: every script element on the page is one of ours.
        self.assertTrue(all(s.get_attribute("src") for s in self.browser.find_elements(By.TAG_NAME, "script")))
        self.assertIn("<script>", self.find("#r").get_attribute("value"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
