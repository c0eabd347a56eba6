"""The forms of issue 13, item 20 in a real browser at 375×667, in Chinese and English.

- the set-up form starts with one matter and adds one at a time, without JavaScript too,
  keeping every field; an election's seats and candidates show only for an election; the
  radio buttons and the election checkbox are at least 44×44 px to tap, with their labels;
- the language switch of the set-up form and of the paper entry form keeps what they hold;
- two clerks' entries that differ: the mismatch page marks where (the collection record
  included), each clerk sees the ballot waiting on the entry page, and settling says in
  words what happened.
Screenshots go to $QUORUM_SCREENSHOTS.
"""

import re
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from harness import SiteTest, phone_browser

PASSWORD = "quorum-demo-2026"


class FormsTest(SiteTest):
    shot_prefix = "forms-"

    def sign_in(self, username, browser=None):
        self.signed_out()
        self.go("/staff/login?lang=zh")
        self.find("#username").send_keys(username)
        self.find("#password").send_keys(PASSWORD)
        self.submit("#sign-in", "工作台")

    def value(self, selector):
        return self.find(selector).get_attribute("value")

    def shot_at(self, selector, name):
        self.browser.execute_script("arguments[0].scrollIntoView(true)", self.find(selector))
        self.shot(name)

    def test_1_the_setup_form(self):
        self.sign_in("demo-committee")
        self.submit("a[id^=new-vote-]", "设置表决")
        self.assertEqual(self.browser.find_elements(By.ID, "m2-title"), [])
        # Tap targets: each radio button and checkbox with its label at least 44×44 px.
        small = self.browser.execute_script(
            "return [...document.querySelectorAll('#kept-form input[type=radio], #kept-form input[type=checkbox]')]"
            ".filter(i => i.offsetParent).map(i => { const r = (i.closest('label') || i).getBoundingClientRect();"
            " return [i.id || i.name, Math.round(r.width), Math.round(r.height)]; }).filter(s => s[1] < 44 || s[2] < 44)")
        self.assertEqual(small, [])
        self.find("#title").send_keys("增补委员及加装电梯")
        self.find("#m1-title").send_keys("增补一名业主委员会委员")
        self.browser.execute_script("document.getElementById('m1-item').value = '3'")
        self.assertFalse(self.find("#m1-seats").is_displayed())
        self.shot("1-setup-one-matter")
        self.click("#m1-election")
        self.assertTrue(self.find("#m1-seats").is_displayed())
        self.find("#m1-candidates").send_keys("刘洋\n陈静")
        self.shot_at("#matter-1", "2-setup-election")
        self.submit("#add-matter", "设置表决")
        self.assertEqual(self.value("#m1-title"), "增补一名业主委员会委员")
        self.assertEqual(self.find("#m1-candidates").get_attribute("value").strip(), "刘洋\n陈静")
        self.assertTrue(self.find("#m1-election").is_selected())
        self.find("#m2-title").send_keys("加装电梯")
        self.shot_at("#matter-2", "3-setup-added")
        # The language switch keeps it all.
        self.submit("#switch-language", "Set up the vote")
        self.assertEqual(self.value("#title"), "增补委员及加装电梯")
        self.assertEqual(self.value("#m2-title"), "加装电梯")
        self.assertEqual(self.value("#m1-item"), "3")
        self.shot("4-setup-en")
        self.shot_at("#matter-2", "4-setup-en-matter-2")
        self.submit("#switch-language", "设置表决")
        self.assertEqual(self.value("#m2-title"), "加装电梯")
        # Enter in a field saves (the form's first button), it does not switch the language.
        self.browser.execute_script("document.getElementById('m2-item').value = '5'")
        self.find("#title").send_keys(Keys.ENTER)
        WebDriverWait(self.browser, 10).until(lambda b: "表决管理" in b.title)

    def test_2_without_javascript_a_matter_is_added(self):
        browser = phone_browser(script=False)
        try:
            main, self.browser = self.browser, browser
            self.sign_in("demo-committee")
            self.submit("a[id^=new-vote-]", "设置表决")
            self.find("#title").send_keys("无脚本")
            self.find("#m1-title").send_keys("第一项")
            self.submit("#add-matter", "设置表决")
            self.assertEqual(self.value("#m1-title"), "第一项")
            self.find("#m2-title")
            self.shot("5-setup-no-script")
        finally:
            self.browser = main
            browser.quit()

    def enter(self, code, agree, by="王芳"):
        self.go(f"/manage/votes/{self.vote}/entry?code={code}")
        self.find("#entry-rooms")
        self.click("#collection-hand")
        self.find("#collected-by").send_keys(by)
        # both clerks: the time the first could give (the latest the form allows)
        self.at = getattr(self, "at", None) or self.find("#collected-at").get_attribute("max")
        self.browser.execute_script("arguments[0].value = arguments[1]", self.find("#collected-at"), self.at)
        self.click("#signed-yes")
        self.click("#m-m1-agree" if agree else "#m-m1-oppose")
        self.click("#m-m2-abstain")
        self.click("#c-m3-c1")

    def test_0_paper_entry_and_the_mismatch(self):
        self.sign_in("demo-clerk1")
        self.vote = re.search(r"/manage/votes/([^/?#]+)", self.find("a[href*='/manage/votes/']").get_attribute("href")).group(1)
        self.go(f"/manage/votes/{self.vote}/paper?building=2")
        code = self.find(".paper-ballot").get_attribute("data-code")
        self.enter(code, True)
        # The switch keeps the entry.
        self.submit("#switch-language", "Enter paper ballots")
        self.assertEqual(self.value("#collected-by"), "王芳")
        self.assertTrue(self.find("#m-m1-agree").is_selected())
        self.shot("6-entry-en")
        self.submit("#switch-language", "录入纸质票")
        self.assertTrue(self.find("#c-m3-c1").is_selected())
        self.click("#save-entry")
        self.find("#flash")
        self.sign_in("demo-clerk2")
        self.enter(code, False, by="李四")
        self.click("#save-entry")
        self.assertIn("不一致", self.find("#flash").text)
        self.assertIn(code, self.find("#waiting").text)
        self.shot_at("#waiting", "7-clerk-waiting")
        self.go(f"/manage/votes/{self.vote}/entry?lang=en")
        self.shot_at("#waiting", "7-clerk-waiting-en")
        self.go(f"/manage/votes/{self.vote}/entry?lang=zh")
        self.sign_in("demo-committee")
        self.go(f"/manage/votes/{self.vote}/mismatches")
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, ".mismatch tr.differs")), 2)
        self.assertIn("收票人或票箱", self.find("[id^=differs-]").text)
        self.shot_at(".mismatch", "8-mismatch")
        self.go(f"/manage/votes/{self.vote}/mismatches?lang=en")
        self.shot_at(".mismatch", "8-mismatch-en")
        self.go(f"/manage/votes/{self.vote}/mismatches?lang=zh")
        form = self.find(".mismatch form")
        self.assertEqual(len(form.find_elements(By.CSS_SELECTOR, "fieldset.differs")), 2)
        self.click("#collection-hand")
        self.find("#collected-by").send_keys("李四")
        self.browser.execute_script("arguments[0].value = arguments[1]", self.find("#collected-at"), self.at)
        self.click("#signed-yes")
        self.click("#m-m1-oppose")
        self.click("#m-m2-abstain")
        self.click("#c-m3-c1")
        self.click(".mismatch [id^=settle-]")
        message = WebDriverWait(self.browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, "#message.ok"))
        self.assertIn("与第 2 次录入一致", message.text)
        self.shot("9-settled")


if __name__ == "__main__":
    unittest.main(verbosity=2)
