"""Every page on a phone, in both languages: it fits 375 px, its controls are labelled, its
text is legible (issue 13, items 19 and 20).

`quorum serve --demo` in Chromium at 375×667. The walk takes the demo vote from open to a
published result with every role of the demo (an owner, the committee, two clerks, the
property company, the street office, the district bureau) so that each page shows what it
holds (a receipt, a mismatch, an objection, a result), and checks every page in Chinese and
in English:

- width: the page does not scroll sideways (the root's scrollWidth within the window), and
  no element or text reaches past the window's edges unless it is inside a box that scrolls
  sideways by itself (`overflow: hidden` would cut it off, so it does not count); and such a
  box does not hide part of what it holds either, unless it is marked `wide` (a table whose
  columns cannot fit a phone: it scrolls with its first column kept in view). The window's
  content is 360 px wide, Chromium's scroll bar taking the rest: stricter than 375;
- tables keep `display: table` or, shown as cards on a phone, `role="table"` (a table shown as a block loses its rows and columns for a
  screen reader);
- labels: each input, select and textarea has an accessible name (a `<label for>`, a label
  around it, `aria-label` or `aria-labelledby`), each button and link has words;
- contrast (WCAG 2.1 AA): every visible text's colour against its effective background
  (the backgrounds and opacities of the element and its ancestors composited, white
  beneath) is at least 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold).

The pages come from the routes: every GET route in AuthorizationMatrixTests.expected (which
the route table keeps complete) must have been visited, or be listed in NOT_PAGES and then
answer something other than HTML. Every problem of every page is reported at once.
Screenshots (the window, and the whole page as `-full`) go to $QUORUM_SCREENSHOTS.
"""

import base64
import os
import re
import unittest
import urllib.error
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from harness import ROOT, SHOTS, SiteTest

PASSWORD = "quorum-demo-2026"
OWNER = ("王建国", "370202196505050011")
MATRIX = os.path.join(ROOT, "Tests", "QuorumWebTests", "Access", "AuthorizationMatrixTests.swift")
# GET routes that answer data, not a page (the test asks each and requires it not to be HTML).
NOT_PAGES = {
    "/health", "/health/ready", "/metrics", "/static/:name", "/votes/:vote/progress.json", "/votes/:vote/documents/:number",
    "/log/head", "/log/proof", "/log/consistency", "/log/public-key", "/log/public-key.pem",
    "/manage/votes/:vote/documents/:number", "/manage/votes/:vote/posting/:number", "/books/entries/:entry/documents/:number",
    "/manage/estates/:estate/books/entries/:entry/documents/:number", "/manage/votes/:vote/export/:file", "/manage/estates/:estate/settings/:revision/document",
    "/manage/estates/:estate/facilities/:code/records/:record/:number",
}

CHECK = r"""
const W = document.documentElement.clientWidth;
function describe(e) {
  let s = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join('');
  const t = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return t ? s + ' "' + t + '"' : s;
}
function scrolls(e) { const o = getComputedStyle(e).overflowX; return o === 'auto' || o === 'scroll'; }
function inScroller(e) {
  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (scrolls(a)) return true;
  return false;
}
function outside(r) { return (r.width > 0 || r.height > 0) && (r.right > W + 0.5 || r.left < -0.5); }

// Width: the outermost elements past the edge, and text that runs past it.
const wide = [], over = new Set();
for (const e of document.body.querySelectorAll('*')) {
  if (e.closest('svg') && e.tagName.toLowerCase() !== 'svg') continue;
  if (!outside(e.getBoundingClientRect()) || inScroller(e)) continue;
  over.add(e);
  if (!over.has(e.parentElement)) wide.push(describe(e));
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if (!n.textContent.trim() || !n.parentElement || over.has(n.parentElement) || inScroller(n)) continue;
  const range = document.createRange(); range.selectNodeContents(n);
  if (outside(range.getBoundingClientRect())) wide.push('text in ' + describe(n.parentElement));
}
// A box that scrolls sideways cuts off what it holds on a phone, unless it is meant to (class "wide").
for (const e of document.body.querySelectorAll('*')) {
  if (scrolls(e) && !e.classList.contains('wide') && e.scrollWidth > e.clientWidth + 1)
    wide.push('cut off in its box, ' + e.scrollWidth + ' px in ' + e.clientWidth + ': ' + describe(e));
}
if (document.documentElement.scrollWidth > W && wide.length === 0) wide.push('the page: ' + document.documentElement.scrollWidth + ' px');

// Labels.
const unlabelled = [];
function named(e) {
  if ((e.getAttribute('aria-label') || '').trim()) return true;
  const by = (e.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
  if (by.some(id => document.getElementById(id) && document.getElementById(id).textContent.trim())) return true;
  return [...(e.labels || [])].some(l => l.textContent.trim());
}
for (const e of document.querySelectorAll('input, select, textarea')) {
  const type = (e.getAttribute('type') || 'text').toLowerCase();
  if (type === 'hidden') continue;
  if (type === 'submit' || type === 'button' || type === 'reset') { if (!(e.value || '').trim() && !named(e)) unlabelled.push(describe(e)); continue; }
  if (!named(e)) unlabelled.push(describe(e));
}
for (const t of document.querySelectorAll('table')) {
  const display = getComputedStyle(t).display;  // a table shown as a block loses its rows and columns for a screen reader
  // (a table a phone shows as cards keeps its roles: table, row, cell)
  if (display !== 'table' && t.getAttribute('role') !== 'table') unlabelled.push('a table of display ' + display + ': ' + describe(t));
}
for (const e of document.querySelectorAll('button, a[href]')) {
  if (!e.textContent.trim() && !named(e) && !e.querySelector('img[alt], svg[aria-label]')) unlabelled.push(describe(e));
}

// Contrast.
function parse(c) {
  const m = c.match(/rgba?\(([^)]+)\)/);
  if (!m) return {r: 0, g: 0, b: 0, a: 0};
  const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(parseFloat);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
}
function overlay(top, under) {
  const a = top.a + under.a * (1 - top.a);
  if (a === 0) return {r: 0, g: 0, b: 0, a: 0};
  const mix = k => (top[k] * top.a + under[k] * under.a * (1 - top.a)) / a;
  return {r: mix('r'), g: mix('g'), b: mix('b'), a: a};
}
// The colour on screen of `c` painted inside `e`: over each background, faded by each opacity, on white.
function onScreen(e, c) {
  for (let a = e; a; a = a.parentElement) {
    const s = getComputedStyle(a);
    c = overlay(c, parse(s.backgroundColor));
    const o = parseFloat(s.opacity);
    if (o < 1) c = {r: c.r, g: c.g, b: c.b, a: c.a * o};
  }
  return overlay(c, {r: 255, g: 255, b: 255, a: 1});
}
function luminance(c) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
const hex = c => '#' + [c.r, c.g, c.b].map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
const faint = [], seen = new Set();
const texts = [...document.body.querySelectorAll('*')].filter(e =>
  [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) ||
  (e.matches('input, select, textarea, button') && !e.matches('[type=hidden], [type=checkbox], [type=radio], [type=file]')));
for (const e of texts) {
  if (e.closest('svg') || e.disabled) continue;
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || s.visibility !== 'visible') continue;
  const fg = onScreen(e, parse(s.color)), bg = onScreen(e, {r: 0, g: 0, b: 0, a: 0});
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
  const ratio = (hi + 0.05) / (lo + 0.05);
  const size = parseFloat(s.fontSize), large = size >= 24 || (size >= 18.66 && parseInt(s.fontWeight, 10) >= 700);
  const needed = large ? 3 : 4.5;
  const key = hex(fg) + hex(bg) + size;
  if (ratio < needed && !seen.has(key)) {
    seen.add(key);
    faint.push(describe(e) + ': ' + hex(fg) + ' on ' + hex(bg) + ' = ' + ratio.toFixed(2) + ':1 (needs ' + needed + ', ' + size + 'px)');
  }
}
return {wide: wide.slice(0, 12), unlabelled: unlabelled.slice(0, 12), faint: faint.slice(0, 12),
        scrollWidth: document.documentElement.scrollWidth, width: W, height: document.documentElement.scrollHeight};
"""


def route_pattern(path):
    return re.compile("^" + re.sub(r":[a-z_]+", "[^/]+", path) + "$")


class EveryPageTest(SiteTest):
    shot_prefix = "page-"
    problems = []
    visited = set()
    checked = []

    # The walk's steps.

    def check(self, name):
        """Checks the page now open, in its language; screenshots it."""
        WebDriverWait(self.browser, 20).until(lambda b: b.execute_script("return document.readyState") == "complete")
        lang = self.browser.execute_script("return document.documentElement.lang").split("-")[0]
        found = self.browser.execute_script(CHECK)
        label = f"{name} [{lang}] {urllib.parse.urlparse(self.browser.current_url).path}"
        for kind in ("wide", "unlabelled", "faint"):
            for item in found[kind]:
                self.problems.append(f"{label}: {kind}: {item}")
        self.checked.append(label)
        self.visited.add(urllib.parse.urlparse(self.browser.current_url).path)
        self.shot(f"{name}-{lang}")
        height = min(found["height"], 1500)
        picture = self.browser.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": found["width"], "height": height, "scale": 1}})
        with open(os.path.join(SHOTS, f"{self.shot_prefix}{name}-{lang}-full.png"), "wb") as handle:
            handle.write(base64.b64decode(picture["data"]))
        # And the first table, scrolled to (the tables are what a phone cuts off).
        if self.browser.execute_script("const t = document.querySelector('main table'); if (t) t.scrollIntoView(); return !!t"):
            self.shot(f"{name}-{lang}-table")
            self.browser.execute_script("window.scrollTo(0, 0)")

    def page(self, path, name):
        """A GET page, in English and then in Chinese (the choice sticks: Chinese after)."""
        for lang in ("en", "zh"):
            self.go(path + ("&" if "?" in path else "?") + "lang=" + lang)
            self.assertEqual(urllib.parse.urlparse(self.browser.current_url).path, path.split("?")[0], f"{name}: sent elsewhere")
            self.check(name)

    def lang(self, lang):
        self.go("/health")
        self.browser.add_cookie({"name": "lang", "value": lang, "path": "/"})

    def wait_path(self, path):
        WebDriverWait(self.browser, 15).until(lambda b: urllib.parse.urlparse(b.current_url).path == path)

    def accept(self):
        WebDriverWait(self.browser, 10).until(EC.alert_is_present()).accept()

    def bind(self, lang="zh", check=False):
        self.signed_out()
        self.lang(lang)
        self.go("/bind")
        self.find("#name").send_keys(OWNER[0])
        self.find("#id_number").send_keys(OWNER[1])
        self.click("#send-code")
        code = re.search(r"\d{6}", self.find("#demo-message").text).group(0)
        if check:
            self.check("bind-code")
        self.find("#code").send_keys(code)
        self.click("#confirm-code")
        self.wait_path("/votes")

    def sign_in(self, username, lang="zh"):
        self.signed_out()
        self.lang(lang)
        self.go("/staff/login")
        self.find("#username").send_keys(username)
        self.find("#password").send_keys(PASSWORD)
        self.click("#sign-in")
        self.wait_path("/manage")

    def manage(self, page=""):
        return f"/manage/votes/{self.vote}{page}"

    def advance(self, hours):
        self.go(self.manage())
        self.click(f"#clock-{hours}")
        WebDriverWait(self.browser, 10).until(lambda b: b.find_elements(By.ID, "phase"))

    def fill_marks(self, within, agree):
        """The collection record and the marks of a paper ballot, in the form `within`."""
        form = self.find(within)
        pick = lambda selector: self.browser.execute_script("arguments[0].click()", form.find_element(By.CSS_SELECTOR, selector))
        pick("[id=collection-hand]")
        form.find_element(By.CSS_SELECTOR, "[id=collected-by]").send_keys("王芳")
        at = form.find_element(By.CSS_SELECTOR, "[id=collected-at]")
        # The earliest minute the form allows: the same for every entry (the latest is now's minute,
        # which two clerks entering a minute apart would read differently).
        self.browser.execute_script("arguments[0].value = arguments[0].min", at)
        pick("[id=signed-yes]")
        pick("[id=m-m1-agree]" if agree else "[id=m-m1-oppose]")
        pick("[id=m-m2-abstain]")
        pick("[id=c-m3-c1]")

    def enter(self, code, agree, check=None):
        self.go(self.manage("/entry"))
        box = self.find("#code")
        box.send_keys(code)
        box.send_keys(Keys.ENTER)
        WebDriverWait(self.browser, 10).until(lambda b: b.find_elements(By.ID, "entry-rooms"))
        if check:
            self.page(self.manage("/entry?code=") + code, check)
        self.fill_marks("form:has(#save-entry)", agree)
        self.click("#save-entry")
        WebDriverWait(self.browser, 10).until(lambda b: b.find_elements(By.ID, "flash"), self.browser.find_element(By.TAG_NAME, "main").text)

    # The walk.

    def test_every_page_fits_a_phone_with_labelled_controls_and_legible_text(self):
        # Nobody signed in.
        for path, name in [("/", "home"), ("/bind", "bind"), ("/staff/login", "staff-login"), ("/verify", "verify")]:
            self.page(path, name)
        for lang in ("en", "zh"):
            self.lang(lang)
            self.go("/no-such-page")
            self.check("not-found")
            self.go("/staff/login")
            self.find("#username").send_keys("demo-committee")
            self.find("#password").send_keys("wrong")
            self.click("#sign-in")
            self.find("[role=alert]")
            self.check("staff-login-refused")

        # The owner: the list, the notice, the ballot, the confirmation, the receipt, its check.
        for lang in ("en", "zh"):
            self.bind(lang, check=True)
        self.page("/votes", "votes")
        self.vote = re.search(r"/votes/([^/?#]+)", self.find("a[id^=open-]").get_attribute("href")).group(1)
        self.page(f"/votes/{self.vote}", "notice")
        ballot = urllib.parse.urlparse(self.find("a[id^=to-ballot-]").get_attribute("href"))
        ballot = ballot.path + ("?" + ballot.query if ballot.query else "")
        self.page(ballot, "ballot")
        for lang in ("en", "zh"):
            self.go(ballot + ("&" if "?" in ballot else "?") + "lang=" + lang)
            for choice in ("#m-m1-agree", "#m-m2-oppose", "#c-m3-c1"):
                self.click(choice)
            self.click("#to-confirm")
            self.find("#signature-typed")
            self.check("confirm")
        self.find("#signature-typed").send_keys(OWNER[0])
        self.click("#submit-ballot")
        self.find("#receipt-code")
        receipt = urllib.parse.urlparse(self.browser.current_url).path
        verify = urllib.parse.urlparse(self.find("#verify-ballot").get_attribute("href"))
        self.page(receipt, "receipt")
        for lang in ("en", "zh"):
            self.go(verify.path + "?" + verify.query + "&lang=" + lang)
            WebDriverWait(self.browser, 20).until(
                lambda b: b.find_element(By.ID, "browser-result").get_attribute("data-outcome") in ("pass", "fail"))
            self.check("verify-receipt")
        self.page("/votes", "votes-voted")
        dispute = urllib.parse.urlparse(self.find("a[id^=dispute-]").get_attribute("href"))
        self.page(dispute.path + ("?" + dispute.query if dispute.query else ""), "dispute")
        self.page("/facilities", "owner-facilities")
        public = urllib.parse.urlparse(self.find("div.card.overdue a").get_attribute("href")).path
        self.page(public, "facility-public")
        # The estate's books, one tap from the list (issue 14).
        self.go("/votes")
        self.click("#to-books")
        self.wait_path("/books")
        self.page("/books", "books")

        # The committee, while the vote is open.
        self.sign_in("demo-committee")
        self.page("/manage", "manage-committee")
        settings = urllib.parse.urlparse(self.find("a[id^=settings-]").get_attribute("href")).path
        new = urllib.parse.urlparse(self.find("a[id^=new-vote-]").get_attribute("href")).path
        books = urllib.parse.urlparse(self.find("a[id^=books-]").get_attribute("href")).path
        self.page(settings, "settings")
        self.page(new, "setup")
        self.page(books, "books-committee")
        self.page(self.manage(), "overview")
        self.page(self.manage("/delivery"), "delivery")
        building = urllib.parse.urlparse(self.find("a.chip").get_attribute("href"))
        self.page(building.path + "?" + building.query, "delivery-building")
        self.page(self.manage("/dashboard"), "dashboard")
        self.page(self.manage("/lists/unbound"), "list-unbound")
        self.page(self.manage("/lists/not_voted"), "list-not-voted")
        self.page(self.manage("/reconciliation"), "reconciliation")
        self.page(self.manage("/mismatches"), "mismatches-none")
        self.page("/manage/access", "access")
        # The estate's facilities: the list (overdue first), a lift's page, a servicing recorded, a bad file refused.
        self.go("/manage")
        facilities = urllib.parse.urlparse(self.find("a[id^=facilities-]").get_attribute("href")).path
        self.page(facilities, "facilities")
        lift = urllib.parse.urlparse(self.find("div.card.overdue a").get_attribute("href")).path
        self.page(lift, "facility")
        self.find("#record-note").send_keys("曳引机、门锁回路正常")
        self.click("#save-record")
        self.find("#saved")
        self.check("facility-recorded")
        self.go(facilities)
        path = os.path.join(SHOTS, "bad-facilities.csv")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("设备类型,名称,楼栋\n飞船,A,2\n电梯,B,9\n")
        self.find("#facilities-file").send_keys(path)
        self.click("#import-facilities")
        self.find("#import-errors")
        self.check("facilities-refused")
        # A draft of a new vote: its overview and its edit form.
        self.go(new)
        self.find("#title").send_keys("草稿")
        self.find("#m1-title").send_keys("事项")
        self.browser.execute_script("document.getElementById('m1-item').value = '5'")
        self.click("#save-draft")
        self.find("#edit")
        draft = urllib.parse.urlparse(self.browser.current_url).path
        self.page(draft, "overview-draft")
        self.page(draft + "/edit", "edit")

        # The clerks: the print run, the scan, the entry form; two entries that differ.
        self.sign_in("demo-clerk1")
        self.page("/manage", "manage-clerk")
        self.page(self.manage("/paper?building=2"), "paper")
        codes = [b.get_attribute("data-code") for b in self.browser.find_elements(By.CSS_SELECTOR, ".paper-ballot")[:2]]
        self.page(self.manage("/entry"), "entry")
        self.enter(codes[0], True, check="entry-form")
        self.check("entry-saved")
        self.enter(codes[1], True)
        self.sign_in("demo-clerk2")
        self.enter(codes[0], True)
        self.enter(codes[1], False)
        self.check("entry-mismatch")

        # The committee settles the mismatch; the others look.
        self.sign_in("demo-committee")
        self.page(self.manage("/mismatches"), "mismatches")
        self.fill_marks(".mismatch form", True)
        # The language switch keeps the form typed in, there and back, and settles nothing.
        for lang in ("en", "zh"):
            self.click("#switch-language")
            WebDriverWait(self.browser, 10).until(lambda b: f'<html lang="{lang}"' in b.page_source)
            self.assertEqual(self.find(".mismatch [id=collected-by]").get_attribute("value"), "王芳")
            self.assertTrue(self.find(".mismatch [id=m-m1-agree]").is_selected())
        self.click(".mismatch [id^=settle-]")
        WebDriverWait(self.browser, 10).until(lambda b: b.find_elements(By.ID, "no-mismatches"), self.browser.find_element(By.TAG_NAME, "main").text)
        self.check("mismatches-settled")
        self.page(self.manage("/reconciliation"), "reconciliation-entered")
        self.sign_in("demo-property")
        self.page("/manage", "manage-property")
        self.page(self.manage("/delivery"), "delivery-property")
        self.sign_in("demo-street")
        self.page("/manage", "manage-street")
        phones = urllib.parse.urlparse(self.find("a[id^=phones-]").get_attribute("href")).path
        self.page(phones, "phones-street")
        self.page("/manage/password", "password-street")
        self.page("/manage/staff", "accounts-street")
        account = urllib.parse.urlparse(self.find("main table a[href^='/manage/staff/']").get_attribute("href")).path
        self.page(account, "account-street")
        self.page(self.manage("/lists/not_voted"), "list-street")
        self.sign_in("demo-bureau")
        self.page("/manage", "manage-bureau")
        self.page(self.manage(), "overview-bureau")
        self.page(settings, "settings-bureau")

        # Past the deadline: the paper entry declared complete, the result published as preliminary.
        self.sign_in("demo-committee")
        for hours in (288, 24, 24, 24):
            self.advance(hours)
        self.find("#paper-entry-runs")
        self.page(self.manage(), "overview-closed")
        self.click("#declare-complete")
        self.accept()
        self.find("#publish-preliminary")
        self.page(self.manage("/result"), "result-staff")
        self.click("#publish-preliminary")
        self.accept()
        self.find("#result-stage")
        self.check("result-preliminary")
        self.page(self.manage("/report"), "report")
        self.page(self.manage("/result/notice"), "result-notice-staff")

        # The owner sees the result and objects.
        self.bind()
        self.page("/votes", "votes-result")
        self.page(f"/votes/{self.vote}/result", "result")
        self.page(f"/votes/{self.vote}/result/notice", "result-notice")
        self.find("#check-head")
        head = urllib.parse.urlparse(self.find("#check-head").get_attribute("href"))
        self.page(head.path + "?" + head.query, "verify-head")
        self.go(f"/votes/{self.vote}/result")
        self.find("#objection-text").send_keys("第2栋的纸质票是否都已录入？")
        self.click("#file-objection")
        self.find("#objection-message")
        self.check("objection-filed")

        # The committee and the street office answer it.
        self.sign_in("demo-committee")
        self.page("/manage", "manage-objection")
        self.page(self.manage("/objections"), "objections")
        self.page("/manage/objections", "open-objections")
        self.go(self.manage("/objections"))
        self.find("textarea[name=answer]").send_keys("已全部录入，见对账页。")
        self.click("input[id^=send-answer-]")
        self.accept()
        self.find(".ticket-text.answer")
        self.page(self.manage("/objections"), "objections-answered")
        self.sign_in("demo-street")
        self.page("/manage/objections", "open-objections-street")
        self.page("/manage/access", "access-street")

        self.every_route_was_visited()
        self.assertEqual(self.problems, [], "\n" + "\n".join(self.problems))

    def test_the_checks_find_what_they_look_for(self):
        # setup: a page with one of each fault
        self.go("/staff/login?lang=zh")
        self.browser.execute_script("""
            const main = document.querySelector('main');
            main.insertAdjacentHTML('beforeend', '<div id="too-wide">x</div><div class="scroll" id="box"><p id="long">y</p></div>'
              + '<input id="nameless" type="text"><p id="grey">faint</p><table id="block"><tr><td>1</td></tr></table>');
            document.getElementById('too-wide').style.width = '600px';
            document.getElementById('long').style.width = '900px';
            document.getElementById('grey').style.color = '#aaa';
            document.getElementById('block').style.display = 'block';""")
        # act
        found = self.browser.execute_script(CHECK)
        # check: each fault named, and nothing else of the page
        self.assertEqual(len(found["wide"]), 2, found["wide"])  # not the paragraph that scrolls in its box
        self.assertTrue(found["wide"][0].startswith('div#too-wide "x"'), found["wide"])
        self.assertTrue(found["wide"][1].startswith("cut off in its box") and 'div#box.scroll "y"' in found["wide"][1], found["wide"])
        self.assertEqual(found["unlabelled"], ["input#nameless", 'a table of display block: table#block "1"'])
        self.assertEqual(len(found["faint"]), 1)
        self.assertTrue(found["faint"][0].startswith('p#grey "faint": #aaaaaa on #f6f6f3'), found["faint"])

    def every_route_was_visited(self):
        with open(MATRIX, encoding="utf-8") as handle:
            routes = sorted(set(re.findall(r'"GET (/[^"]*)"', handle.read())))
        self.assertGreater(len(routes), 20, "the routes of the matrix")
        missing = [r for r in routes if r not in NOT_PAGES and not any(route_pattern(r).match(p) for p in self.visited)]
        self.assertEqual(missing, [], "GET pages the walk does not visit")
        # The public ones answer data (the others are data by their names: .json, a document, an export;
        # an owner's receipt, behind the binding, is checked by BooksRouteTests).
        for route in [r for r in NOT_PAGES & set(routes) if ":vote" not in r and ":estate" not in r and ":entry" not in r]:
            try:
                with urllib.request.urlopen(self.server.url + route.replace(":name", "app.css"), timeout=10) as response:
                    kind = response.headers.get("Content-Type", "")
            except urllib.error.HTTPError as refused:  # the proofs want their query
                kind = refused.headers.get("Content-Type", "")
            self.assertFalse(kind.startswith("text/html"), f"{route} answers a page")

if __name__ == "__main__":
    unittest.main(verbosity=2)
