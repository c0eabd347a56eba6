import Foundation
import Plot
import QuorumCore
import Testing

@testable import QuorumWeb

/// Views render from a model and the page chrome alone, no request: the same bytes as the
/// snapshots recorded through the router.
@Suite struct PageViewTests {
    func check(_ page: Page, _ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try String(contentsOf: Snapshot.directory.appendingPathComponent(file), encoding: .utf8)
        #expect(Snapshot.normalise(page.html, tokens: [:]) == expected, "\(file)", sourceLocation: sourceLocation)
    }

    @Test func theHomePageAndTheStaffSignInRenderWithoutARequest() throws {
        for lang in [Lang.zh, .en] {
            try check(HomePage().render(chrome: PageChrome(lang: lang)), "home.\(lang.rawValue).html")
            try check(LoginPage().render(chrome: PageChrome(lang: lang, here: SiteURL.staffLogin.path)), "staff-login.\(lang.rawValue).html")
            try check(
                Layout.message(S.bindTitle, S.formExpired(lang), chrome: PageChrome(lang: lang), back: .bind),
                "POST/bind-expired.\(lang.rawValue).html")
        }
    }

    @Test func outsideTextIsEscapedWhereverAViewPutsIt() {
        // setup: a name that is markup, an entity and a quote at once
        let hostile = #"<b>&amp;"'</b>"#
        // act
        let page = LoginPage(error: hostile, username: hostile).render(chrome: PageChrome(lang: .en, signedIn: .staff(csrf: "t")))
        // check: escaped as text, escaped as an attribute, and the staff's sign-out form shown
        #expect(page.html.contains("<p class=\"alert\" role=\"alert\">&lt;b&gt;&amp;amp;\"'&lt;/b&gt;</p>"))
        #expect(page.html.contains("value=\"&lt;b&gt;&amp;amp;&quot;&#39;&lt;/b&gt;\""))
        #expect(page.html.contains("id=\"staff-sign-out\""))
        #expect(!page.html.contains("<b>"))
    }

    @Test func theBarcodeIsTheCoresAsBefore() {
        for code in ["AB", "Q7K2M9XP4TRA", "0000000000", "ZZZZ-9999-X*"] {
            #expect(Barcode(code: code).render() == Code128.svg(code), "\(code)")
        }
    }

    @Test func aChartIsDrawnFromNumbers() {
        let chart = Charts.bar([(1, "agree"), (1, "oppose")], total: 4, line: (2, 3), label: "a<b").render()
        #expect(chart.contains(#"<rect class="chart-agree" x="0" y="0" width="250" height="28"/>"#))
        #expect(chart.contains(#"<rect class="chart-oppose" x="250" y="0" width="250" height="28"/>"#))
        #expect(chart.contains(#"<line class="chart-line" x1="666" y1="0" x2="666" y2="28"/>"#))
        #expect(chart.contains(#"aria-label="a&lt;b""#) && chart.contains("<title>a&lt;b</title>"))
    }
}
