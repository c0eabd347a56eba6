"""Staff accounts in a real browser, on a phone-sized window (issue 13, item 2).

`quorum serve --demo`: the street office opens a clerk account (and is refused a bureau
one), resets its password; the clerk, signing in with the temporary one, must set a new
password before any other page; the street office disables the account, which then cannot
sign in. Each page in Chinese and English. Screenshots go to $QUORUM_SCREENSHOTS.
"""

import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from harness import SiteTest

PASSWORD = "quorum-demo-2026"


class AccountsTest(SiteTest):
    shot_prefix = "accounts-"

    def shot(self, name):
        super().shot(name)
        wide = self.browser.execute_script(
            "const w = document.documentElement.clientWidth;"
            "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5"
            " && !e.closest('.table')).map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 5)")
        self.assertEqual(wide, [], f"{name}: wider than the phone")

    def both(self, path, name):
        """The page in English, then in Chinese, a screenshot of each."""
        self.go(path + ("&" if "?" in path else "?") + "lang=en")
        self.shot(name + "-en")
        self.go(path + ("&" if "?" in path else "?") + "lang=zh")
        self.shot(name)

    def sign_in(self, username, password=PASSWORD, lands="工作台"):
        self.signed_out()
        self.go("/staff/login")
        self.find("#username").send_keys(username)
        self.find("#password").send_keys(password)
        self.submit("#sign-in", lands)

    def add_account(self, username, role):
        # A refused form comes back holding what it held (never the password).
        for field, text in (("#new-username", username), ("#new-display-name", "录入员 赵"), ("#new-password", "a long first password")):
            self.find(field).clear()
            self.find(field).send_keys(text)
        Select(self.find("#new-role")).select_by_value(role)
        self.click("#add-account")

    def until(self, text):
        """Waits until the page (a form sent back to the same title) says `text`."""
        WebDriverWait(self.browser, 10).until(lambda b: text in b.page_source)

    def test_a_street_office_opens_resets_and_disables_a_clerk_account(self):
        # 1. The street office sees only the roles below its own, and is refused more.
        self.sign_in("demo-street")
        self.go("/manage/staff")
        roles = [o.get_attribute("value") for o in self.browser.find_elements(By.CSS_SELECTOR, "#new-role option")]
        self.assertEqual(roles, ["committee", "property", "clerk"])
        self.browser.execute_script(
            "const o = document.createElement('option'); o.value = 'bureau'; document.getElementById('new-role').append(o)")
        self.add_account("zhao-bureau", "bureau")
        self.until("不能创建或管理")
        self.assertEqual(self.find("#new-username").get_attribute("value"), "zhao-bureau")
        self.assertEqual(self.find("#new-password").get_attribute("value"), "")
        # The language switch sends the form back in English, holding what it held; nothing is made.
        self.find("#new-username").clear()
        self.find("#new-username").send_keys("half-typed")
        self.click("#switch-language")
        self.until("Add an account")
        self.assertEqual(self.find("#new-username").get_attribute("value"), "half-typed")
        self.assertNotIn(">half-typed</a>", self.browser.page_source)
        self.shot("1-switched-en")
        self.click("#switch-language")
        self.until("新建账户")
        self.add_account("zhao", "clerk")
        self.until(">zhao</a>")
        link = self.browser.find_element(By.LINK_TEXT, "zhao")
        account = link.get_attribute("href").rsplit("/", 1)[-1]
        self.both("/manage/staff", "1-accounts")

        # 2. A temporary password; the clerk must set a new one before any other page.
        self.both(f"/manage/staff/{account}", "2-account")
        self.find("#temporary").send_keys("temporary password")
        self.click("#reset")
        self.until("下次登录须修改密码")
        self.sign_in("zhao", "temporary password", lands="修改密码")
        self.go("/manage")
        self.assertIn("/manage/password", self.browser.current_url)
        self.shot("3-forced")
        self.go("/manage/password?lang=en")
        self.shot("3-forced-en")
        self.go("/manage/password?lang=zh")
        self.find("#current").send_keys("temporary password")
        self.find("#new").send_keys("zhao's own password")
        self.click("#save-password")
        self.until("密码已修改")
        self.go("/manage")
        self.assertIn("工作台", self.browser.title)

        # 3. Disabled: the account cannot sign in.
        self.sign_in("demo-street")
        self.go(f"/manage/staff/{account}")
        self.confirm("#toggle", "账户", "无法登录")
        self.until("恢复账户")
        self.assertIn("已停用", self.find("#status").text)
        self.sign_in("zhao", "zhao's own password", lands="工作人员登录")
        self.until("该账户已停用")
        self.shot("4-disabled")


if __name__ == "__main__":
    unittest.main()
