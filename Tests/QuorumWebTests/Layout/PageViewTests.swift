import Foundation
import Plot
import QuorumCore
import Testing

@testable import QuorumWeb

/// Views render from a model and the page chrome alone, no request: the same bytes as the
/// snapshots recorded through the router.
@Suite struct PageViewTests {
    func check(_ page: Page, _ file: String, tokens: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try String(contentsOf: Snapshot.directory.appendingPathComponent(file), encoding: .utf8)
        #expect(Snapshot.normalise(page.html, tokens: tokens) == expected, "\(file)", sourceLocation: sourceLocation)
    }

    /// Every page's model loaded from the fixture's store as its handler loads it, in the
    /// order the snapshots were taken (some pages record what they show: the notice is
    /// delivered by being seen, the print run marks the ballots printed), and its view
    /// rendered with a chrome made by hand: the snapshot's bytes, with no request at all.
    @Test func everyPageRendersFromItsModelAsItsSnapshot() async throws {
        try await SiteFixture.with { site, _ in
            let store = site.store
            // Votes as the guard hands them to the handlers: settled (the closed one counted).
            let open = try #require(try await store.results.settle(site.open.id))
            let closed = try #require(try await store.results.settle(site.closed.id))
            // The sessions behind the fixture's cookies (`quorum_session=…`, `quorum_staff=…`).
            func token(_ role: SiteFixture.Role) async throws -> String {
                String(try #require(try await site.credentials(role)).cookie.split(separator: "=")[1])
            }
            let owner = try #require(try await store.binding.session(token: try await token(.ownerHere)))
            let committee = try #require(try await store.staff.session(token: try await token(.committeeHere)))
            let street = try #require(try await store.staff.session(token: try await token(.streetHere)))
            let estate = try #require(try await store.register.estate(site.here))
            let voters = try await store.voting.voters(in: open.id, owner: owner.idHash)
            let receipt = try #require(try await store.voting.receipt(code: site.receiptCode))
            let opens = VoteCalendar.earliestOpening(noticedAt: store.now())
            try await store.organising.recordSeenOnline(vote: open.id, owner: owner.idHash)
            // The print run marks what it shows as printed, as the route does (the reconciliation counts it).
            try await store.paper.markPrinted(try await store.paper.ballots(of: open.id).map(\.code), of: open.id)
            let property = try #require(try await store.staff.session(token: try await token(.propertyHere)))
            let lift = try #require(try await store.facilities.facility(SiteFixture.facility, of: estate.id))
            let clerk = try #require(try await store.staff.session(token: try await token(.clerkHere)))
            // The snapshots' walk opens each page in both languages: what logs an access, twice.
            func twice<T>(_ load: () async throws -> T) async throws -> T {
                _ = try await load()
                return try await load()
            }
            func accessPage() async throws -> AccessPage {
                for _ in 0..<2 { try await store.results.recordExport(.ballots, of: closed, actor: committee.account.id) }
                return try await AccessPage.load(committee, before: nil, store: store)
            }
            let pages: [(String, PageChrome.SignedIn, SiteURL, (PageChrome) async throws -> Page)] = [
                ("home", .nobody, .home, HomePage().render),
                (
                    "bind", .nobody, .bind,
                    BindPage(estates: try await store.register.estates(), pre: String(repeating: "ab", count: 16), credentials: false).render
                ),
                ("POST/bind-expired", .nobody, .home, { Layout.message(S.bindTitle, S.formExpired($0.lang), chrome: $0, back: .bind) }),
                ("votes", .owner(csrf: owner.csrf), .votes, try await VoteListPage.load(owner, store: store).render),
                ("votes-vote", .owner(csrf: owner.csrf), .vote(open.id), try await NoticePage.load(open, voters: voters, store: store).render),
                (
                    "votes-vote-ballot", .owner(csrf: owner.csrf), .vote(open.id, .ballot(person: String(site.person))),
                    BallotPage(vote: open, voter: voters[0], csrf: owner.csrf).render
                ),
                (
                    "votes-vote-result", .owner(csrf: owner.csrf), .vote(closed.id, .result),
                    try #require(
                        try await ResultPage.load(
                            closed, owner: (owner, try await store.voting.voters(in: closed.id, owner: owner.idHash)), store: store)
                    ).render
                ),
                (
                    "votes-vote-result-notice", .owner(csrf: owner.csrf), .vote(closed.id, .resultNotice),
                    try #require(try await ResultNoticePage.load(closed, back: .vote(closed.id, .result), store: store)).render
                ),
                (
                    "votes-vote-dispute", .owner(csrf: owner.csrf), .vote(closed.id, .dispute(person: String(site.person))),
                    try await DisputePage.load(
                        closed, voter: try #require(try await store.voting.voters(in: closed.id, owner: owner.idHash).first), owner: owner,
                        store: store
                    ).render
                ),
                ("receipts-code", .owner(csrf: owner.csrf), .receipt(site.receiptCode), ReceiptPage(receipt: receipt, vote: closed).render),
                ("verify", .nobody, .verify(), try await VerifyController.page(code: nil, store: store).render),
                ("staff-login", .nobody, .staffLogin, LoginPage().render),
                ("manage", .staff(csrf: committee.csrf), .manage, try await StaffHomePage.load(committee, store: store).render),
                (
                    "manage-staff", .staff(csrf: street.csrf), .manageStaff(),
                    AccountsPage(
                        accounts: try await store.staff.accounts(visibleTo: street.account),
                        divisions: try await StaffRoutes(dependencies: site.dependencies).divisionChoices(for: street.account), staff: street
                    ).render
                ),
                (
                    "manage-staff-account", .staff(csrf: street.csrf), .manageAccount(site.clerk),
                    AccountPage(account: clerk.account, division: estate.name, csrf: street.csrf).render
                ),
                ("manage-password", .staff(csrf: committee.csrf), .changePassword, PasswordPage(forced: false, csrf: committee.csrf).render),
                (
                    "manage-estates-estate-votes-new", .staff(csrf: committee.csrf), .createVote(estate: String(estate.id)),
                    try await SetupPage.load(
                        estate,
                        values: .blank(opens: opens, closes: Timestamp(millisecondsSinceEpoch: opens.millisecondsSinceEpoch + 14 * 86_400_000)),
                        action: .createVote(estate: String(estate.id)), csrf: committee.csrf, store: store
                    ).render
                ),
                (
                    "manage-estates-estate-phones", .staff(csrf: street.csrf), .phoneChanges(estate: String(estate.id)),
                    try await PhoneChangesPage.load(estate, staff: street, store: store).render
                ),
                (
                    "manage-estates-estate-settings", .staff(csrf: committee.csrf), .estateSettings(estate: String(estate.id)),
                    try await SettingsPage.load(estate, staff: committee, store: store).render
                ),
                ("books", .owner(csrf: owner.csrf), .books(), try await BooksPage.load(estate: owner.estateID, store: store).render),
                (
                    "manage-estates-estate-books", .staff(csrf: committee.csrf), .manageBooks(estate: String(estate.id)),
                    try await LedgerPage.load(estate, staff: committee, store: store).render
                ),
                (
                    "manage-estates-estate-facilities", .staff(csrf: committee.csrf), .facilities(estate: String(estate.id)),
                    try await FacilitiesPage.load(estate, csrf: committee.csrf, store: store).render
                ),
                (
                    "manage-estates-estate-facilities-code", .staff(csrf: committee.csrf),
                    .facility(estate: String(estate.id), code: SiteFixture.facility),
                    try await FacilityPage.load(estate, stored: lift, csrf: committee.csrf, store: store).render
                ),
                (
                    "facilities-estate-code", .nobody, .publicFacility(estate: String(estate.id), code: SiteFixture.facility),
                    PublicFacilityPage(estate: estate, stored: lift, names: [:]).render
                ),
                (
                    "facilities", .owner(csrf: owner.csrf), .ownerFacilities,
                    try await FacilitiesPage.load(estate, csrf: nil, owner: true, store: store).render
                ),
                (
                    "manage-votes-vote", .staff(csrf: committee.csrf), .manageVote(open.id),
                    try await OverviewPage.load(open, staff: committee, message: nil, demo: false, store: store).render
                ),
                (
                    "manage-votes-vote-delivery", .staff(csrf: committee.csrf), .manageVote(open.id, .delivery()),
                    try await twice { try await DeliveryPage.load(open, building: nil, staff: committee, store: store) }.render
                ),
                (
                    "manage-votes-vote-dashboard", .staff(csrf: committee.csrf), .manageVote(open.id, .dashboard),
                    try await DashboardPage.load(open, staff: committee, message: nil, store: store).render
                ),
                (
                    "manage-votes-vote-lists-list", .staff(csrf: committee.csrf), .manageVote(open.id, .list("unbound")),
                    RoomListPage(
                        list: .unbound, vote: open,
                        rooms: try await twice { try await store.organising.unboundRooms(of: open, actor: committee.account.id) }
                    ).render
                ),
                (
                    "manage-votes-vote-paper", .staff(csrf: committee.csrf), .manageVote(open.id, .paper()),
                    PrintPage(vote: open, estate: estate.name, all: try await store.paper.ballots(of: open.id)).render
                ),
                ("manage-votes-vote-entry", .staff(csrf: clerk.csrf), .manageVote(open.id, .entry()), ScanPage(vote: open).render),
                (
                    "manage-votes-vote-mismatches", .staff(csrf: committee.csrf), .manageVote(open.id, .mismatches),
                    try await MismatchPage.load(open, csrf: committee.csrf, store: store).render
                ),
                (
                    "manage-votes-vote-reconciliation", .staff(csrf: committee.csrf), .manageVote(open.id, .reconciliation),
                    try await ReconciliationPage.load(open, store: store).render
                ),
                (
                    "manage-votes-vote-result", .staff(csrf: committee.csrf), .manageVote(closed.id, .result),
                    try #require(try await ResultPage.load(closed, staff: committee, store: store)).render
                ),
                (
                    "manage-votes-vote-report", .staff(csrf: committee.csrf), .manageVote(closed.id, .report),
                    try #require(try await ResultPage.load(closed, printable: true, store: store)).render
                ),
                (
                    "manage-votes-vote-result-notice", .staff(csrf: committee.csrf), .manageVote(closed.id, .resultNotice),
                    try #require(try await ResultNoticePage.load(closed, back: .manageVote(closed.id, .result), store: store)).render
                ),
                (
                    "manage-votes-vote-objections", .staff(csrf: committee.csrf), .manageVote(closed.id, .objections),
                    try await ObjectionsPage.load(closed, staff: committee, store: store).render
                ),
                (
                    "manage-objections", .staff(csrf: committee.csrf), .manageObjections,
                    try await OpenObjectionsPage.load(committee, store: store).render
                ),
                (
                    // After the walk's two downloads of ballots.csv (a download is no page).
                    "manage-access", .staff(csrf: committee.csrf), .manageAccess(),
                    try await accessPage().render
                ),
                (
                    "manage-votes-vote-delivery-property", .staff(csrf: property.csrf), .manageVote(open.id, .delivery()),
                    try await DeliveryPage.load(open, building: nil, staff: property, store: store).render
                ),
            ]
            let tokens = [
                open.id: "VOTE-OPEN", closed.id: "VOTE-CLOSED", site.receiptCode: "RECEIPT-CODE", site.ledgerEntry: "LEDGER-ENTRY",
                owner.csrf: "CSRF", committee.csrf: "CSRF",
                street.csrf: "CSRF", property.csrf: "CSRF", clerk.csrf: "CSRF",
            ].merging(site.accountTokens, uniquingKeysWith: { first, _ in first })
            for (name, signedIn, here, render) in pages {
                for lang in [Lang.zh, .en] {
                    try check(
                        try await render(PageChrome(lang: lang, signedIn: signedIn, here: here.path)), "\(name).\(lang.rawValue).html", tokens: tokens
                    )
                }
            }
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

    @Test func theBarcodeDrawsEachBarOnItsModules() {
        // act: "AB" is start B, A, B, the check value 102 and stop: 57 modules, 10 of quiet zone each side
        let svg = Barcode(code: "AB").render()
        // check: 2 units a module, a bar on each of the symbols' bar modules (Code128Tests pins the symbols)
        #expect(
            svg.hasPrefix(
                #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 154 60" width="154" height="60" role="img" aria-label="AB" class="barcode">"#
                    + ##"<rect width="100%" height="100%" fill="#fff"/><g fill="#000">"##))
        let bars = [
            (20, 4), (26, 2), (32, 2), (42, 2), (46, 2), (54, 4), (64, 2), (72, 2), (76, 4), (86, 8), (96, 2), (100, 6), (108, 4), (118, 6), (126, 2),
            (130, 4),
        ]
        #expect(svg.hasSuffix(bars.map { #"<rect x="\#($0.0)" y="0" width="\#($0.1)" height="60"/>"# }.joined() + "</g></svg>"))
    }

    @Test func idsAreEscapedToo() {
        // setup: a matter id from matters.json, which the clerk's form puts in ids
        let vote = VoteDefinition(name: "v", matters: [Matter(id: #"m"><b>"#, title: "t", item: 5)])
        let at = Timestamp(millisecondsSinceEpoch: 0)
        // act
        let html = PaperPages.marks(vote, from: at, to: at, .en).render()
        // check
        #expect(html.contains(#"id="m-m&quot;&gt;&lt;b&gt;-agree""#) && !html.contains("<b>"))
    }

    @Test func aChartIsDrawnFromNumbers() {
        let chart = Charts.bar([(1, "agree"), (1, "oppose")], total: 4, line: (2, 3), label: "a<b").render()
        #expect(chart.contains(#"<rect class="chart-agree" x="0" y="0" width="250" height="28"/>"#))
        #expect(chart.contains(#"<rect class="chart-oppose" x="250" y="0" width="250" height="28"/>"#))
        #expect(chart.contains(#"<line class="chart-line" x1="666" y1="0" x2="666" y2="28"/>"#))
        #expect(chart.contains(#"aria-label="a&lt;b""#) && chart.contains("<title>a&lt;b</title>"))
    }
}
