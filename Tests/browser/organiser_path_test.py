"""The organiser's whole path in a real browser, on a phone-sized window.

`quorum serve --demo` (its demo clock lets time move forward): the owners' committee
signs in, sets up a vote with a resolution and an election, attaches a PDF, is refused a
notice that would stand less than 15 days, publishes it properly, moves the clock to the
opening; an owner votes online; the two clerks the committee named before the notice print
and enter paper ballots, one pair of
entries disagreeing (the committee settles it) and one ballot of the owner who already
voted online (kept as a conflict); the clock passes the deadline; the vote is counted,
published as preliminary; the owner objects and the committee answers; then final; the export recounts with `quorum tally` to the very
bytes of the published tally.json, and `quorum verify` checks the log against the ballots.
Screenshots go to $QUORUM_SCREENSHOTS.
"""

import datetime
import os
import subprocess
import tempfile
import unittest
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from harness import BINARY, SiteTest

PASSWORD = "quorum-demo-2026"


class OrganiserPathTest(SiteTest):
    shot_prefix = "organiser-"

    def shot(self, name):
        super().shot(name)
        # Every page fits a phone: nothing wider than the window's content (tables scroll in themselves).
        wide = self.browser.execute_script(
            "const w = document.documentElement.clientWidth;"
            "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5"
            " && !e.closest('.table')).map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 5)")
        self.assertEqual(wide, [], f"{name}: wider than the phone")

    def sign_in(self, username):
        self.signed_out()
        self.go("/staff/login")
        self.find("#username").send_keys(username)
        self.find("#password").send_keys(PASSWORD)
        self.submit("#sign-in", "工作台")

    def advance(self, button):
        self.go(f"/manage/votes/{self.vote}")
        self.submit(f"#clock-{button}", "表决管理")

    def download(self, path):
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in self.browser.get_cookies())
        request = urllib.request.Request(self.server.url + path, headers={"Cookie": cookie})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    def collection(self, collected="min"):
        self.click("#collection-hand")
        self.find("#collected-by").send_keys("王芳")
        at = self.find("#collected-at")
        value = at.get_attribute("min") if collected == "min" else collected
        self.browser.execute_script("arguments[0].value = arguments[1]", at, value)
        self.click("#signed-yes")

    def enter_paper(self, code, agree, candidate, collected="min"):
        """Enters a paper ballot with its collection record (RULES.md §3): handed to 王芳 at
        the earliest time the form allows (the opening) or at a given one."""
        self.go(f"/manage/votes/{self.vote}/entry")
        box = self.find("#code")
        box.send_keys(code.replace("-", "").lower())  # as a scanner types it, or a clerk loosely
        box.send_keys(Keys.ENTER)
        WebDriverWait(self.browser, 10).until(lambda b: b.find_elements(By.ID, "entry-rooms"))
        self.collection(collected)
        self.click("#m-m1-agree" if agree else "#m-m1-oppose")
        self.click(f"#c-m2-{candidate}")
        self.click("#save-entry")
        return self.find("#flash").text

    def test_an_organiser_runs_a_vote_from_setup_to_the_published_result(self):
        # 1. The committee signs in and sets the vote up.
        self.sign_in("demo-committee")
        self.shot("1-home")
        self.submit("a[id^=new-vote-]", "设置表决")
        self.find("#title").send_keys("2号楼加装电梯及增补业委会委员")
        self.find("#m1-title").send_keys("使用维修资金为2号楼加装电梯")
        self.browser.execute_script("document.getElementById('m1-item').value = '5'")
        self.submit("#add-matter", "设置表决")  # one matter at a time (issue 13, item 20)
        self.find("#m2-title").send_keys("增补一名业主委员会委员")
        self.browser.execute_script("document.getElementById('m2-item').value = '3'")
        self.assertFalse(self.find("#m2-seats").is_displayed(), "an election's fields only for an election")
        self.click("#m2-election")
        self.assertTrue(self.find("#m2-seats").is_displayed())
        self.browser.execute_script("document.getElementById('m2-seats').value = '1'")
        self.find("#m2-candidates").send_keys("刘洋\n陈静")
        self.shot("2-setup")
        self.submit("#save-draft", "表决管理")
        self.vote = self.browser.current_url.rstrip("/").split("/")[-1]
        self.assertEqual(self.find("#phase").text, "草稿")
        self.assertIn("第 6、7、8 项为重大事项", self.download(f"/manage/votes/{self.vote}/edit").decode())

        # A PDF document, kept with its SHA-256.
        folder = tempfile.mkdtemp(prefix="quorum-organiser-")
        pdf = os.path.join(folder, "加装电梯方案.pdf")
        with open(pdf, "wb") as handle:
            handle.write(b"%PDF-1.4\n% the plan\n")
        self.find("#document").send_keys(pdf)
        self.submit("#upload", "表决管理")
        self.assertIn("加装电梯方案.pdf", self.browser.page_source)

        # 2. The 15-day rule: a vote opening tomorrow cannot be noticed today.
        self.submit("#edit", "设置表决")
        opens = self.find("#opens").get_attribute("value")
        self.browser.execute_script("document.getElementById('opens').value = arguments[0]", self.tomorrow(opens))
        self.submit("#save-draft", "表决管理")
        self.confirm("#publish-notice", "表决管理", "不能撤销")
        self.assertIn("15 日", self.find("#message").text)
        self.shot("3-too-early")
        self.submit("#edit", "设置表决")
        self.browser.execute_script("document.getElementById('opens').value = arguments[0]", opens)
        self.submit("#save-draft", "表决管理")
        # Two clerks are two people (issue 13): one named clerk is not enough for the notice.
        self.click("#clerk-demo-clerk1")
        self.submit("#save-clerks", "表决管理")
        self.confirm("#publish-notice", "表决管理", "不能撤销")
        self.assertIn("至少 2 名计票人", self.find("#message").text)
        self.click("#clerk-demo-clerk2")
        self.click("#scrutineer-demo-street")
        self.submit("#save-clerks", "表决管理")
        self.shot_at("#clerks", "3b-clerks")
        self.confirm("#publish-notice", "表决管理", "不能撤销")
        self.assertEqual(self.find("#phase").text, "已公告，未开始")
        self.assertIn("录入员 张", self.find("#named-clerk").text)
        self.assertIn("八大峡街道办事处", self.find("#named-scrutineer").text)
        self.shot("4-noticed")

        # 3. The clock moves to the opening; an owner votes online.
        self.advance(384)
        self.assertEqual(self.find("#phase").text, "进行中")

        # 4. A clerk prints the paper ballots, one per voting person who has not voted yet;
        # an owner then votes online, and a second print run leaves the owner out.
        self.sign_in("demo-clerk1")
        self.go(f"/manage/votes/{self.vote}/paper")
        ballots = self.browser.find_elements(By.CSS_SELECTOR, ".paper-ballot")
        self.assertGreater(len(ballots), 900)
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, ".paper-ballot svg.barcode")), len(ballots))
        self.assertIn("前交回", ballots[0].find_element(By.CSS_SELECTOR, ".hand-back").text)
        codes = {}
        for ballot in ballots[:40]:
            rooms = ballot.find_element(By.CSS_SELECTOR, ".paper-rooms").text
            codes[rooms] = ballot.get_attribute("data-code")
        owners = [rooms for rooms in codes if "1-1-101" in rooms]
        self.assertEqual(len(owners), 1, codes)
        others = [rooms for rooms in codes if "1-1-101" not in rooms][:2]
        self.shot("5-print")
        self.owner_votes_online()
        self.sign_in("demo-clerk1")
        self.go(f"/manage/votes/{self.vote}/paper?building=1")
        self.assertIn("已投票的 1 位不印", self.find("#print-count").text)
        self.assertNotIn(codes[owners[0]], self.browser.page_source)
        first, second, owner = codes[others[0]], codes[others[1]], codes[owners[0]]
        self.assertIn("另一位录入员", self.enter_paper(first, True, "c1"))
        self.assertIn("另一位录入员", self.enter_paper(second, True, "c1"))
        self.assertIn("另一位录入员", self.enter_paper(owner, False, "c2"))
        self.shot("6-entered-once")
        self.sign_in("demo-clerk2")
        self.assertIn("一致", self.enter_paper(first, True, "c1"))
        self.assertIn("不一致", self.enter_paper(second, False, "c1"))
        # collected at the opening, before the owner's online ballot: the paper one counts (RULES.md §3)
        self.assertIn("一致", self.enter_paper(owner, False, "c2"))
        self.shot("7-second-entry")

        # 5. The committee settles the mismatch from the paper.
        self.sign_in("demo-committee")
        self.go(f"/manage/votes/{self.vote}/mismatches")
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, ".mismatch")), 1)
        self.shot("8-mismatch")
        self.collection()
        self.click("#m-m1-agree")
        self.click("#c-m2-c1")
        self.click(".mismatch [id^=settle-]")
        WebDriverWait(self.browser, 10).until(lambda b: b.find_elements(By.ID, "no-mismatches"))
        self.go(f"/manage/votes/{self.vote}/reconciliation")
        total = [cell.text for cell in self.browser.find_elements(By.CSS_SELECTOR, "#reconciliation tr.total td")]
        self.assertEqual(total[2:], ["3", "3", "3", "0", "0", "0"], total)
        self.assertIn("1-1-101", self.find("#conflicts").text)
        self.shot("9-reconciliation")
        self.go(f"/manage/votes/{self.vote}/dashboard")
        self.assertIn("网上投票：0", self.find("#channels").text)
        self.assertIn("纸质投票：3", self.find("#channels").text)
        self.shot("9b-dashboard")
        # The rooms without a bound account: room numbers only; the view goes into the audit log.
        log_before = self.download("/log/head")
        self.submit("#list-unbound", "未绑定账户的房屋")
        self.assertNotIn("王建国", self.browser.page_source)
        self.assertNotIn("1-1-101", self.find("#rooms").text, "王建国 has bound an account")
        self.assertNotEqual(self.download("/log/head"), log_before, "the view is in the log")
        self.shot("9c-unbound")
        # The non-voter list only opens in the last three days.
        self.go(f"/manage/votes/{self.vote}/lists/not_voted")
        self.assertIn("起才能查看", self.browser.page_source)
        # Delivery by text on the day it was sent, and the public posting, with its photo, for the rest.
        self.go(f"/manage/votes/{self.vote}/delivery?building=2")
        first = self.find("[id^=method-]")
        person = first.get_attribute("id").removeprefix("method-")
        self.browser.execute_script("arguments[0].value = 'text'", first)
        self.click(f"#deliver-{person}")
        WebDriverWait(self.browser, 10).until(lambda b: "短信送达" in b.find_element(By.CSS_SELECTOR, f"#p{person}").text)
        photo = os.path.join(tempfile.mkdtemp(), "posting.png")
        with open(photo, "wb") as file:
            file.write(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]))
        self.find("#posting-photo").send_keys(photo)
        self.confirm("#record-posting", "送达记录", "公告送达")
        self.assertIn("公告送达", self.find("#message").text)
        self.assertIn("第 1 次张贴", self.find("#postings").text)
        self.shot("9d-delivery")

        # 6. Past the deadline: counted by itself, published as preliminary, then final.
        # Past the deadline the paper ballots collected in time may still be typed in, until
        # the committee declares the entry complete (RULES.md §3); then the vote is counted.
        for button in (288, 24, 24):
            self.advance(button)
        self.assertIn("截止前收到的纸质票仍可录入", self.find("#paper-entry-runs").text)
        self.shot("9e-paper-entry-runs")
        self.confirm("#declare-complete", "表决结果", "监票人")
        self.go(f"/manage/votes/{self.vote}")
        self.assertEqual(self.find("#phase").text, "已计票，未公布")
        self.submit("#to-result", "表决结果")
        self.assertIn("未通过", self.find("#verdict-m1").text)  # 3 voters of about a thousand: 2/3 not reached
        # participation and the two approval bars of the resolution; participation of the election
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, "svg.chart")), 4)
        self.shot("10-result")
        self.confirm("#publish-preliminary", "表决结果", "异议期")
        self.assertIn("初步结果", self.find("#result-stage").text)
        self.confirm("#publish-final", "表决结果", "不再变更")
        self.assertIn("异议期", self.browser.page_source)

        # 6b. An owner objects to a matter from the result page; the committee answers in
        # writing, confirming first (RULES.md §6). The page after each is the same page, so
        # each step waits for what it adds, not for a title.
        self.bind_owner("王建国", "370202196505050011")
        self.go(f"/votes/{self.vote}/result")
        self.find("#objection-text").send_keys("第2栋的纸质票是否都已录入？")
        self.click("#file-objection")
        message = self.find("#objection-message")
        self.assertIn("异议已提交", message.text)
        self.shot("10b-objection")
        self.sign_in("demo-committee")
        self.assertIn("1 项异议待书面答复", self.find("#open-objections").text)
        self.go(f"/manage/votes/{self.vote}/objections")
        self.find("textarea[name=answer]").send_keys("已全部录入，见对账页。")
        self.click("input[id^=send-answer-]")
        WebDriverWait(self.browser, 10).until(EC.alert_is_present()).accept()
        answer = WebDriverWait(self.browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, ".ticket-text.answer"))
        self.assertEqual(answer.text, "已全部录入，见对账页。")
        self.shot("10c-answered")
        self.advance(288)
        self.go(f"/manage/votes/{self.vote}/result")
        self.confirm("#publish-final", "表决结果", "不再变更")
        self.assertIn("最终结果", self.find("#result-stage").text)
        self.shot("11-final")

        # 7. The export recounts to the same bytes; the log matches the counted ballots.
        for name in ("registry.csv", "matters.json", "ballots.csv", "tally.json", "log.jsonl"):
            with open(os.path.join(folder, name), "wb") as handle:
                handle.write(self.download(f"/manage/votes/{self.vote}/export/{name}"))
        recount = subprocess.run(
            [BINARY, "tally", "--registry", os.path.join(folder, "registry.csv"), "--matters", os.path.join(folder, "matters.json"),
             "--ballots", os.path.join(folder, "ballots.csv")], capture_output=True, timeout=60)
        self.assertEqual(recount.returncode, 0, recount.stderr)
        with open(os.path.join(folder, "tally.json"), "rb") as handle:
            self.assertEqual(recount.stdout, handle.read())
        verify = subprocess.run(
            [BINARY, "verify", os.path.join(folder, "log.jsonl"), "--ballots", os.path.join(folder, "ballots.csv"), "--vote", self.vote],
            capture_output=True, text=True, timeout=60)
        self.assertEqual(verify.returncode, 0, verify.stdout + verify.stderr)
        self.go(f"/manage/votes/{self.vote}/report")
        self.assertIn("SHA-256", self.browser.page_source)

        # 8. The owner sees the published result, its notice with the head, and the outcome in the list.
        self.owner_sees_the_result(folder)

    @staticmethod
    def tomorrow(value):
        # value: 2026-12-08T00:00 → the day after today, from the page's own earliest date minus 15 days
        date, time = value.split("T")
        year, month, day = (int(part) for part in date.split("-"))
        earlier = datetime.date(year, month, day) - datetime.timedelta(days=15)
        return earlier.isoformat() + "T" + time

    def shot_at(self, selector, name):
        """A screenshot at 375×667 with the element scrolled to the top."""
        self.browser.execute_script("arguments[0].scrollIntoView(true)", self.find(selector))
        self.shot(name)

    def head(self):
        """The size and root a person copies from the page's head."""
        return self.find("#log-head .head-size").text, self.find("#log-head .head-root").text

    def owner_votes_online(self):
        self.bind_owner("王建国", "370202196505050011")
        self.submit(f"#open-{self.vote}", "表决公告")
        self.assertIn("加装电梯方案.pdf", self.browser.page_source)
        # The owners' notice names the clerks and the scrutineer (issue 13).
        self.assertIn("录入员 李", self.find("#named-clerk").text)
        self.shot_at("#named-staff", "3a-notice-clerks")
        self.go(f"/votes/{self.vote}?lang=en")
        self.assertIn("Clerks", self.find("#named-clerk").text)
        self.shot_at("#named-staff", "3a-notice-clerks-en")
        self.go(f"/votes/{self.vote}?lang=zh")
        # The notice shows the head signed when it was published (issue 13, item 5), in both languages.
        size, root = self.head()
        self.assertEqual(len(root.split(" ")), 16)
        self.shot_at("#log-head", "3a-notice-head")
        self.go(f"/votes/{self.vote}?lang=en")
        self.shot_at("#log-head", "3a-notice-head-en")
        self.go(f"/votes/{self.vote}?lang=zh")
        self.assertEqual(self.head(), (size, root))
        self.submit("a[id^=to-ballot-]", "表决票")
        self.click("#m-m1-agree")
        self.click("#c-m2-c2")
        self.submit("#to-confirm", "确认并签名")
        self.find("#signature-typed").send_keys("王建国")
        self.submit("#submit-ballot", "投票回执")

    def owner_sees_the_result(self, folder):
        self.bind_owner("王建国", "370202196505050011")
        # The list says how each matter came out.
        outcome = self.find(f"#outcome-{self.vote}").text
        self.assertIn("2 项事项中 0 项通过", outcome)
        self.assertIn("✗ 未通过", outcome)
        self.shot_at(f"#outcome-{self.vote}", "12a-owner-list-outcome")
        self.go("/votes?lang=en")
        self.shot_at(f"#outcome-{self.vote}", "12a-owner-list-outcome-en")
        self.go("/votes?lang=zh")
        self.submit(f"#result-{self.vote}", "表决结果")
        self.assertIn("最终结果", self.find("#result-stage").text)
        # the objection and its answer stay on the owner's page; no more are taken
        self.assertIn("已全部录入，见对账页。", self.find("#objections").text)
        self.shot("12-owner-result")
        # The printable result notice: each verdict with its reason, the head, the seal.
        size, root = self.head()
        self.submit("#to-result-notice", "表决结果公告")
        self.assertIn("最终结果，公布日期", self.find("#published-on").text)
        self.assertIn("参与表决的人数不足三分之二", self.find("#verdict-m1").text)
        self.assertEqual(self.head(), (size, root))
        self.shot("13-result-notice")
        self.shot_at(".notice-matter", "13a-result-notice-matters")
        self.shot_at("#log-head", "13b-result-notice-head")
        self.shot_at("#seal", "13c-result-notice-seal")
        # As printed: the print stylesheet on a page of A4's width (210 mm at 96 dpi), no header or buttons.
        self.browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        self.browser.set_window_size(794, 1123)
        self.browser.execute_script("window.scrollTo(0, 0)")
        self.assertFalse(self.find("#print").is_displayed())
        self.shot("13d-result-notice-print")
        self.browser.set_window_size(375, 667)
        self.browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        self.go(f"/votes/{self.vote}/result/notice?lang=en")
        self.assertIn("participation below 2/3", self.find("#verdict-m1").text)
        self.shot("13-result-notice-en")
        self.shot_at(".notice-matter", "13a-result-notice-matters-en")
        self.shot_at("#log-head", "13b-result-notice-head-en")
        self.go(f"/votes/{self.vote}/result/notice?lang=zh")
        # The head copied from the paper holds: on /verify, and against the exported log.
        self.submit("#check-head", "核验")
        self.assertEqual(self.find("#head-result").get_attribute("data-outcome"), "pass")
        self.shot("14-verify-head")
        verify = subprocess.run(
            [BINARY, "verify", os.path.join(folder, "log.jsonl"), "--head", f"{size}:{root}"], capture_output=True, text=True, timeout=60)
        self.assertEqual(verify.returncode, 0, verify.stdout + verify.stderr)
        self.assertIn("与日志一致", verify.stdout)
        wrong = ("0" if root[0] != "0" else "1") + root[1:]
        refused = subprocess.run(
            [BINARY, "verify", os.path.join(folder, "log.jsonl"), "--head", f"{size}:{wrong}"], capture_output=True, text=True, timeout=60)
        self.assertEqual(refused.returncode, 65, refused.stdout + refused.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
