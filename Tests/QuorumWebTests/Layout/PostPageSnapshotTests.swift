import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QuorumCore
import QuorumStore
import Synchronization
import Testing

@testable import QuorumWeb

/// The pages only a POST reaches (the code screen, the confirmation, the receipt after the
/// cast, refusals, staff forms shown again with their error), in both languages, compared
/// with the files in `Snapshots/POST/` as `PageSnapshotTests` does for the GET pages.
@Suite struct PostPageSnapshotTests {
    typealias Role = SiteFixture.Role

    /// One POST: who sends it, where, the form's fields (`CSRF` stands for the sender's token),
    /// and whether to follow the redirect it answers with.
    struct Post {
        var name: String
        var role: Role
        var path: String
        var fields: [(String, String)]
        var follow = false
    }

    static func posts(_ site: SiteFixture) -> [Post] {
        let vote = "/manage/votes/\(site.open.id)"
        let owner = "/votes/\(site.open.id)"
        let pre = String(repeating: "ab", count: 16)
        let bind = [("pre", pre), ("estate", String(site.here)), ("name", "甲"), ("id_number", "110101199001010011")]
        let choices = #"{"m1":"agree"}"#
        return [
            Post(name: "bind-code", role: .anonymous, path: "/bind", fields: bind),
            Post(name: "bind-expired", role: .anonymous, path: "/bind", fields: bind.map { $0.0 == "pre" ? ("pre", "other") : $0 }),
            Post(
                name: "bind-code-wrong", role: .anonymous, path: "/bind/code",
                fields: [("pre", pre), ("attempt", "x"), ("phone", "138****0001"), ("code", "1")]),
            Post(
                name: "votes-vote-confirm", role: .ownerHere, path: "\(owner)/confirm",
                fields: [("csrf", "CSRF"), ("person", String(site.person)), ("m.m1", "agree")]),
            Post(
                name: "votes-vote-confirm-problems", role: .ownerHere, path: "\(owner)/confirm",
                fields: [("csrf", "CSRF"), ("person", String(site.person))]),
            Post(
                name: "votes-vote-confirm-expired", role: .ownerHere, path: "\(owner)/confirm",
                fields: [("csrf", "wrong"), ("person", String(site.person))]),
            Post(
                name: "votes-vote-cast-unsigned", role: .ownerHere, path: "\(owner)/cast",
                fields: [("csrf", "CSRF"), ("person", String(site.person)), ("choices", choices)]),
            Post(
                name: "votes-vote-cast-receipt", role: .ownerHere, path: "\(owner)/cast",
                fields: [("csrf", "CSRF"), ("person", String(site.person)), ("choices", choices), ("signature_typed", "甲")], follow: true),
            Post(
                name: "votes-vote-cast-again", role: .ownerHere, path: "\(owner)/cast",
                fields: [("csrf", "CSRF"), ("person", String(site.person)), ("choices", choices), ("signature_typed", "甲")]),
            Post(name: "staff-login-wrong", role: .anonymous, path: "/staff/login", fields: [("username", "<nobody> & co"), ("password", "x")]),
            Post(
                name: "manage-staff-refused", role: .streetHere, path: "/manage/staff",
                fields: [("csrf", "CSRF"), ("role", "admin"), ("username", "x")]),
            Post(
                name: "manage-estates-estate-votes-error", role: .committeeHere, path: "/manage/estates/\(site.here)/votes",
                fields: [("csrf", "CSRF"), ("title", ""), ("m1.title", "事项 & <b>")]),
            Post(name: "manage-votes-vote-entry-unknown", role: .clerkHere, path: "\(vote)/entry", fields: [("csrf", "CSRF"), ("code", "NOPE")]),
            Post(name: "manage-staff-expired", role: .streetHere, path: "/manage/staff", fields: [("csrf", "wrong")]),
            Post(
                name: "votes-vote-objections-refused", role: .ownerHere, path: "/votes/\(site.closed.id)/objections",
                fields: [("csrf", "CSRF"), ("person", String(site.person)), ("matter", "m1"), ("text", " ")]),
            Post(
                name: "manage-votes-vote-objections-refused", role: .committeeHere, path: "/manage/votes/\(site.closed.id)/objections",
                fields: [("csrf", "CSRF"), ("ticket", "NOPE"), ("answer", "已复核")]),
        ]
    }

    static let directory = Snapshot.directory.appendingPathComponent("POST")

    @Test func everyPostedPageMatchesItsSnapshotInBothLanguages() async throws {
        try await SiteFixture.with { site, client in
            if Snapshot.recording { try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true) }
            let rendered = Mutex<Set<String>>([])
            var tokens = [
                site.open.id: "VOTE-OPEN", site.closed.id: "VOTE-CLOSED", site.receiptCode: "RECEIPT-CODE", site.ledgerEntry: "LEDGER-ENTRY",
            ].merging(
                site.accountTokens, uniquingKeysWith: { first, _ in first })
            for post in Self.posts(site) {
                let credentials = try await site.credentials(post.role)
                if let credentials { tokens[credentials.csrf] = "CSRF" }
                var followed: String?
                for lang in [Lang.zh, .en] {
                    var cookie = "lang=\(lang.rawValue); quorum_pre=\(String(repeating: "ab", count: 16))"
                    if let credentials { cookie = "\(credentials.cookie); \(cookie)" }
                    let body: String = post.fields.map { name, value -> String in
                        let value = value == "CSRF" ? credentials?.csrf ?? "" : value
                        return "\(Self.encode(name))=\(Self.encode(value))"
                    }.joined(separator: "&")
                    var (html, location) = try await client.execute(
                        uri: post.path, method: .post,
                        headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body)
                    ) { response in
                        let isPage = response.headers[.contentType]?.hasPrefix("text/html") == true
                        return (isPage ? String(buffer: response.body) : nil, response.headers[.location])
                    }
                    // The cast is made once (in Chinese); the receipt it leads to is shown in both languages.
                    if post.follow, let next = location ?? followed {
                        followed = next
                        // The receipt's code is new: named, so that the page reads the same every run.
                        if next.hasPrefix("/receipts/") { tokens[String(next.dropFirst("/receipts/".count))] = "NEW-RECEIPT-CODE" }
                        html = try await client.execute(uri: next, method: .get, headers: [.cookie: cookie]) { response -> String in
                            String(buffer: response.body)
                        }
                    }
                    guard let html else {
                        Issue.record("\(post.name) (\(lang)): no page, redirected to \(location ?? "nowhere")")
                        continue
                    }
                    let file = "\(post.name).\(lang.rawValue).html"
                    rendered.withLock { _ = $0.insert(file) }
                    try Snapshot.check(Snapshot.normalise(html, tokens: tokens), file: "POST/\(file)")
                }
            }
            let seen = rendered.withLock { $0 }
            let recorded = Set(try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".html") })
            #expect(recorded.subtracting(seen).isEmpty, "snapshots of no page: \(recorded.subtracting(seen).sorted())")
        }
    }

    /// Issue 12's bug: a page shown after a POST linked its language switch to where the form
    /// was sent (the new vote's, a route for POST only). Each page's switch leads to a page a
    /// GET shows, or sends the page's own form there.
    @Test func everyPostedPagesLanguageSwitchLeadsToAPage() async throws {
        try await SiteFixture.with { site, client in
            // (A POST answered with a redirect shows no page of its own.)
            for post in Self.posts(site) {
                let credentials = try await site.credentials(post.role)
                let cookie = (credentials.map { $0.cookie + "; " } ?? "") + "lang=zh; quorum_pre=\(String(repeating: "ab", count: 16))"
                let body = post.fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1 == "CSRF" ? credentials?.csrf ?? "" : $0.1))" }.joined(
                    separator: "&")
                let html = try await client.execute(
                    uri: post.path, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: body)
                ) { String(buffer: $0.body) }
                if html.isEmpty { continue }
                if let link = html.firstMatch(of: /<a href="([^"]*)" class="lang" lang=/) {
                    let target = String(link.1).replacingOccurrences(of: "&amp;", with: "&")
                    let status = try await client.execute(uri: target, method: .get, headers: [.cookie: cookie]) { $0.status }
                    #expect(status != .notFound && status != .methodNotAllowed, "\(post.name): the switch leads to \(target), \(status)")
                } else if let button = html.firstMatch(of: /form="kept-form" name="relang" formaction="([^"?]*)\?lang=en"/) {
                    #expect(
                        html.contains(try Regex(#"<form action="\#(button.1)(#[a-z-]+)?" method="post"[^>]* id="kept-form""#)),
                        "\(post.name): the switch sends the page's form"
                    )
                } else {
                    Issue.record("\(post.name): no language switch")
                }
            }
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
