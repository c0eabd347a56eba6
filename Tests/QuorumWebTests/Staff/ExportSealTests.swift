import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13: while a vote was open, its ballots export gave every flat's choices to the
/// committee and the housing bureau, and nothing was logged.
@Suite struct ExportSealTests {
    @Test func perUnitFilesAreSealedUntilTheCountAndEachDownloadIsLogged() async throws {
        try await SiteFixture.with { site, client in
            let committee = try #require(try await site.credentials(.committeeHere))
            func get(_ vote: StoredVote, _ file: String) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(
                    uri: "/manage/votes/\(vote.id)/export/\(file)", method: .get, headers: [.cookie: committee.cookie + "; lang=en"]
                ) { ($0.status, String(buffer: $0.body)) }
            }
            func exports() async throws -> [String] {
                var lines: [String] = []
                try await site.store.log.export { page in
                    lines += page.split(separator: "\n").map(String.init).filter { $0.contains(#""kind":"exported""#) }
                }
                return lines
            }
            // Open: every file naming units or owners refused, and nothing logged; the matters are public.
            for file in ["ballots.csv", "registry.csv", "deliveries.csv", "export.xlsx"] {
                let (status, body) = try await get(site.open, file)
                #expect(status == .forbidden, "\(file)")
                #expect(body.contains("it can be exported once the vote is counted"), "\(file)")
            }
            #expect(try await get(site.open, "matters.json").0 == .ok)
            #expect(try await exports().isEmpty)
            // Counted: the ballots, and the download is in the log with who made it.
            let (status, body) = try await get(site.closed, "ballots.csv")
            #expect(status == .ok && body.hasPrefix("unit_id,matter,choice"))
            let logged = try await exports()
            #expect(logged.count == 1)
            let account = try #require(try await site.store.staff.session(token: String(committee.cookie.dropFirst("quorum_staff=".count))))
            #expect(logged.first?.contains(#""actor":"\#(account.account.id)""#) == true)
            #expect(logged.first?.contains(#""file":"ballots.csv""#) == true)
            // The workbook: the same tables as the CSVs, its download logged too.
            let workbook = try await client.execute(
                uri: "/manage/votes/\(site.closed.id)/export/export.xlsx", method: .get, headers: [.cookie: committee.cookie]
            ) { ($0.status, Data(buffer: $0.body)) }
            #expect(workbook.0 == .ok && Workbook.isWorkbook(workbook.1))
            let saved = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).xlsx")
            try workbook.1.write(to: saved)
            let ballots = try Workbook.csv(of: saved.path, file: "export.xlsx", sheet: "ballots")
            defer { ballots.close() }
            let rows = CSVParser.records(in: Array(try Data(contentsOf: URL(fileURLWithPath: ballots.path)))).records.map(\.fields)
            #expect(rows == CSVParser.records(in: Array(body.utf8)).records.map(\.fields))
            #expect(try await exports().count == 2)
        }
    }
}
