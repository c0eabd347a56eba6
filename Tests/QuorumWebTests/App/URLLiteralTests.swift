import Foundation
import QuorumTestSupport
import Testing

@testable import QuorumWeb

/// No URL path is written outside `SiteURL`: the routes, the pages, the embedded scripts,
/// the CLI and `quorum-load` all build theirs from the enum.
@Suite struct URLLiteralTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let sources = here.appendingPathComponent("../../../Sources").standardized
    /// Where the enum lives: the only files allowed to write paths.
    static let allowed = ["QuorumWeb/App/SiteURL.swift"]

    @Test func noSourceFileWritesAPathOutsideTheEnum() async throws {
        let segments = try await Self.segments()
        var findings: [String] = []
        var scanned = 0
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            let name = file.path.replacingOccurrences(of: Self.sources.path + "/", with: "")
            guard file.pathExtension == "swift", !Self.allowed.contains(name) else { continue }
            scanned += 1
            findings += Self.findings(in: try String(contentsOf: file, encoding: .utf8), segments: segments).map { "\(name): \($0)" }
        }
        #expect(scanned > 100, "only \(scanned) files scanned under \(Self.sources.path)")
        #expect(findings.isEmpty, "URL paths outside SiteURL:\n\(findings.joined(separator: "\n"))")
    }

    @Test func aPlantedLiteralIsFound() async throws {
        // setup: a fixture with one path written as a string and some lookalikes that are not
        let text = try String(contentsOf: Self.here.appendingPathComponent("Fixtures/planted-url-literal.txt"), encoding: .utf8)
        // act
        let findings = Self.findings(in: text, segments: try await Self.segments())
        // check
        #expect(findings == [#"Link(S.back(lang), url: "/votes/\(vote.id)/result").class("button secondary")"#])
    }

    /// The site's first path segments (`votes`, `manage`, …), from the route table itself.
    static func segments() async throws -> Set<String> {
        var segments: Set<String> = []
        try await TestDatabase.sqlite.withStore { store in
            let routes = routeTable(dependencies: OwnerDependencies(store: store, sender: RecordingSender()))
            segments = Set(routes.compactMap { $0.path.split(separator: "/").first.map(String.init) })
        }
        return segments
    }

    /// The lines (outside comments) that write a path of the site: one of its first segments
    /// after a quote, a backtick or an interpolation (`"/votes`, `'/log`, `\(id)/manage`),
    /// or the root alone as a string (`"/"`, but not as a separator or a character).
    static func findings(in text: String, segments: Set<String>) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { line in
            guard !line.hasPrefix("//") else { return false }
            let root = line.contains(#""/""#) && !["separator:", "with:", "ascii:", ".replace("].contains { line.contains($0) }
            return root || segments.contains { segment in ["\"/", "'/", "`/", ")/"].contains { line.contains($0 + segment) } }
        }
    }
}
