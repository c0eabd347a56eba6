"""Personal data on the staff side, in a real browser at 375×667 (issue 13, items 1 and 3).

`quorum serve --demo`: an owner opens the demo vote's notice; the committee sees the
delivery page with its per-room "seen online" (and the view goes into the log), then the
page of who opened which personal data; the property company sees the delivery page
without that column. Screenshots in Chinese and English go to $QUORUM_SCREENSHOTS.
"""

import re
import unittest

from harness import SiteTest

PASSWORD = "quorum-demo-2026"


class PersonalDataTest(SiteTest):
    shot_prefix = "personal-"

    def sign_in(self, username):
        self.signed_out()
        self.go("/staff/login")
        self.find("#username").send_keys(username)
        self.find("#password").send_keys(PASSWORD)
        self.submit("#sign-in", "工作台")

    def both_languages(self, path, name):
        """The page in Chinese, then in English (the switch is sticky: back to Chinese after)."""
        pages = {}
        for lang in ("zh", "en"):
            self.go(path + ("&" if "?" in path else "?") + "lang=" + lang)
            self.shot(f"{name}-{lang}")
            # And the records themselves, scrolled to.
            self.browser.execute_script("document.getElementById(arguments[0]).scrollIntoView()", "access" if "access" in path else "seen-online-note")
            self.shot(f"{name}-{lang}-records")
            pages[lang] = self.browser.page_source
            wide = self.browser.execute_script(
                "const w = document.documentElement.clientWidth;"
                "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5"
                " && !e.closest('.table')).map(e => e.tagName + '#' + e.id).slice(0, 5)")
            self.assertEqual(wide, [], f"{name}-{lang}: wider than the phone")
        self.go("/manage?lang=zh")
        return pages

    def test_seen_online_for_the_committee_only_and_the_access_page(self):
        # An owner opens the notice online.
        self.bind_owner("王建国", "370202196505050011")
        self.click("a.vote-link, a[href^='/votes/']")
        vote = re.search(r"/votes/([^/?#]+)", self.browser.current_url).group(1)

        # The committee: the column, and each view in the log.
        self.sign_in("demo-committee")
        self.assertIn("access-log", self.browser.page_source)
        pages = self.both_languages(f"/manage/votes/{vote}/delivery", "delivery-committee")
        self.assertIn("<th>网上已阅</th>", pages["zh"])
        self.assertIn("<th>Seen online</th>", pages["en"])
        self.assertIn("✓", pages["zh"])
        pages = self.both_languages("/manage/access", "access-committee")
        self.assertIn("送达记录（网上已阅）", pages["zh"])
        self.assertIn("阳光花园业主委员会", pages["zh"])
        self.assertIn("Delivery records (seen online)", pages["en"])

        # The property company: the page and the count, without the column.
        self.sign_in("demo-property")
        self.assertNotIn("access-log", self.browser.page_source)
        pages = self.both_languages(f"/manage/votes/{vote}/delivery", "delivery-property")
        self.assertNotIn("网上已阅</th>", pages["zh"])
        self.assertNotIn("Seen online</th>", pages["en"])
        self.assertIn("仅业主委员会和街道办事处可见", pages["zh"])


if __name__ == "__main__":
    unittest.main()
