import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QuorumCore
import QuorumStore
import Synchronization
import Testing

@testable import QuorumWeb

/// Every page of the site as HTML, in Chinese and in English, compared with the files in
/// `Snapshots/`. A change to a page shows as a diff to review like code; to accept it,
/// record again: `QUORUM_RECORD_SNAPSHOTS=1 swift test --filter PageSnapshotTests`.
@Suite struct PageSnapshotTests {
    typealias Role = SiteFixture.Role

    /// Who looks at each page: the first role of these the matrix allows.
    static let viewers: [Role] = [.ownerHere, .committeeHere, .clerkHere, .streetHere, .admin, .anonymous]

    /// The pages that are not a GET route's plain answer: a second list, the signed-in home.
    static let extraPages: [(name: String, path: String, role: Role)] = [
        ("manage-votes-vote-lists-not_voted", "/manage/votes/:vote/lists/not_voted", .committeeHere),
        ("home-staff", "/", .committeeHere),
        // The delivery page without the per-room "seen online" (personal data, issue 13).
        ("manage-votes-vote-delivery-property", "/manage/votes/:vote/delivery", .propertyHere),
    ]

    @Test func everyPageMatchesItsSnapshotInBothLanguages() async throws {
        try await SiteFixture.with { site, client in
            let routes = routeTable(dependencies: site.dependencies)
            var pages: [(name: String, path: String, role: Role)] = []
            for route in routes where route.method == .get {
                let key = "GET \(route.path)"
                let allowed = AuthorizationMatrixTests.expected[key] ?? []
                let viewers = allowed.contains(.anonymous) ? [.anonymous] : Self.viewers
                guard let role = viewers.first(where: allowed.contains) else {
                    Issue.record("no viewer for \(key)")
                    continue
                }
                pages.append((Self.name(route.path), route.path, role))
            }
            pages += Self.extraPages
            let rendered = Mutex<Set<String>>([])
            for page in pages {
                let credentials = try await site.credentials(page.role)
                var tokens = [
                    site.open.id: "VOTE-OPEN", site.closed.id: "VOTE-CLOSED", site.receiptCode: "RECEIPT-CODE", site.ledgerEntry: "LEDGER-ENTRY",
                ].merging(
                    site.accountTokens, uniquingKeysWith: { first, _ in first })
                if let credentials { tokens[credentials.csrf] = "CSRF" }
                for lang in [Lang.zh, .en] {
                    let uri = site.uri(for: page.path)
                    var headers: HTTPFields = [.cookie: "lang=\(lang.rawValue)"]
                    if let credentials { headers[.cookie] = "\(credentials.cookie); lang=\(lang.rawValue)" }
                    let html: String? = try await client.execute(uri: uri, method: .get, headers: headers) { response in
                        guard response.headers[.contentType]?.hasPrefix("text/html") == true else { return nil }
                        return String(buffer: response.body)
                    }
                    guard let html else { continue }
                    let file = "\(page.name).\(lang.rawValue).html"
                    rendered.withLock { _ = $0.insert(file) }
                    try Snapshot.check(Snapshot.normalise(html, tokens: tokens), file: file)
                }
            }
            let seen = rendered.withLock { $0 }
            // Every page listed has its files, and no file is left from a page that went.
            let recorded = Set(try FileManager.default.contentsOfDirectory(atPath: Snapshot.directory.path).filter { $0.hasSuffix(".html") })
            #expect(recorded.subtracting(seen).isEmpty, "snapshots of no page: \(recorded.subtracting(seen).sorted())")
            #expect(seen.count > 40, "only \(seen.count) pages rendered")
        }
    }

    /// `/manage/votes/:vote/lists/:list` → `manage-votes-vote-lists-list`.
    static func name(_ path: String) -> String {
        let parts = path.split(separator: "/").map { $0.replacingOccurrences(of: ":", with: "").replacingOccurrences(of: ".", with: "-") }
        return parts.isEmpty ? "home" : parts.joined(separator: "-")
    }
}

/// A small file-compare snapshot helper: the file is the expectation; recording writes it.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static var recording: Bool { ProcessInfo.processInfo.environment["QUORUM_RECORD_SNAPSHOTS"] == "1" }

    /// Replaces what differs from run to run (random identifiers, tokens, keys and hashes).
    static func normalise(_ html: String, tokens: [String: String]) -> String {
        var text = html
        for (token, name) in tokens.sorted(by: { $0.key.count > $1.key.count }) where !token.isEmpty {
            text = text.replacingOccurrences(of: token, with: name)
        }
        // Paper ballots' random codes, and their barcodes (Code128Tests pins the encoder).
        var codes: [String] = []
        for match in text.matches(of: /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}[0-9A-Z*~$=]/) where !codes.contains(String(match.output)) {
            codes.append(String(match.output))
        }
        for (number, code) in codes.enumerated() {
            text = text.replacingOccurrences(of: code, with: "PAPER-CODE-\(number + 1)")
            text = text.replacingOccurrences(of: code.replacingOccurrences(of: "-", with: ""), with: "PAPERCODE\(number + 1)")
        }
        // Tickets' random ids, numbered in the order they appear.
        var tickets: [String] = []
        for match in text.matches(of: /T[0-9A-F]{16}/) where !tickets.contains(String(match.output)) { tickets.append(String(match.output)) }
        for (number, ticket) in tickets.enumerated() { text = text.replacingOccurrences(of: ticket, with: "TICKET-\(number + 1)") }
        // Facility records' random ids, likewise.
        var records: [String] = []
        for match in text.matches(of: /FR[0-9A-F]{16}/) where !records.contains(String(match.output)) { records.append(String(match.output)) }
        for (number, record) in records.enumerated() { text = text.replacingOccurrences(of: record, with: "RECORD-\(number + 1)") }
        text = text.replacingOccurrences(of: ##"<g fill="#000">.*?</g>"##, with: ##"<g fill="#000">BARS</g>"##, options: .regularExpression)
        // A log head's root in the groups a notice prints (it depends on the ballots' random salts).
        text = text.replacingOccurrences(of: #"[0-9a-f]{4}( [0-9a-f]{4}){15}"#, with: "ROOT", options: .regularExpression)
        // Random tokens, hashes and signatures.
        text = text.replacingOccurrences(of: #"[0-9a-f]{32,}"#, with: "HEX", options: .regularExpression)
        text = text.replacingOccurrences(of: #"[A-Za-z0-9+/_-]{43,}={0,2}"#, with: "BASE64", options: .regularExpression)
        // One element a line, so that a change reads as a small diff.
        return text.replacingOccurrences(of: "><", with: ">\n<")
    }

    static func check(_ text: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(file)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no snapshot \(file): record it with QUORUM_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let lines = (
                expected.split(separator: "\n", omittingEmptySubsequences: false), text.split(separator: "\n", omittingEmptySubsequences: false)
            )
            let first = zip(lines.0, lines.1).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(lines.0.count, lines.1.count)
            let near = { (l: [Substring]) in first < l.count ? String(l[first].prefix(400)) : "(end)" }
            Issue.record(
                "\(file) differs from its snapshot at line \(first + 1):\n  was: \(near(lines.0))\n  now: \(near(lines.1))",
                sourceLocation: sourceLocation)
        }
    }
}
