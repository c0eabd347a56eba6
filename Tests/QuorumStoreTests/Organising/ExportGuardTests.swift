import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// FORMATS.md, "Every CSV Quorum writes": an export opened in Excel or WPS runs nothing, and
/// our own reader reads it back as it was.
@Suite struct ExportGuardTests {
    static let registry = """
        unit_id,building,room,area,owner_name,owner_id,owner_kind
        -U1,-1,101,50.00,"=HYPERLINK(""http://evil.example"",""点我"")",91370200MA3C000001,organization
        U2,1,@102,60.00,+86 公司,91370200MA3C000002,organization
        U3,1,103,70.00,李四,110101199003030055,person

        """

    @Test(arguments: TestDatabase.available)
    func aGuardedExportRunsNothingAndReadsBackUnchanged(_ database: TestDatabase) async throws {
        // setup: units and owners whose cells a spreadsheet would run
        try await database.withEstate(registry: Self.registry, estate: EstatePath(estate: "天汇广场")) { store, estate, clock in
            let definition = VoteDefinition(name: "表决", matters: [Matter(id: "m1", title: "=1+1", item: 5)])
            let vote = try await store.voting.createVote(
                estate: estate, definition: definition, opensAt: clock.current,
                closesAt: Timestamp(millisecondsSinceEpoch: clock.current.millisecondsSinceEpoch + 86_400_000))
            // act
            let export = try await store.results.exportFiles(of: vote)
            // check: no cell of the file begins with a character a spreadsheet runs
            let cells = Self.cells(export.registry)
            #expect(cells.count > 20)
            #expect(cells.allSatisfy { cell in !["=", "+", "-", "@", "\t", "\r"].contains { cell.hasPrefix($0) } })
            #expect(export.registry.contains(#""'=HYPERLINK(""http://evil.example"",""点我"")""#))
            // and our reader reads it back exactly as stored
            let reread = try Register.read(csv: Array(export.registry.utf8))
            let stored = try #require(try await store.register.stored(of: estate)).register
            #expect(reread.units.map(\.id) == stored.units.map(\.id))
            #expect(reread.units.map(\.building) == ["-1", "1", "1"])
            #expect(reread.units.map(\.room) == ["101", "@102", "103"])
            #expect(reread.units.flatMap(\.owners).map(\.name) == [#"=HYPERLINK("http://evil.example","点我")"#, "+86 公司", "李*"])
        }
    }

    /// The cells of a CSV text as written (an opening quote off), before a reader takes a guard off.
    static func cells(_ text: String) -> [String] {
        text.split(separator: "\r\n").flatMap { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { $0.hasPrefix("\"") ? String($0.dropFirst()) : String($0) }
        }
    }
}
