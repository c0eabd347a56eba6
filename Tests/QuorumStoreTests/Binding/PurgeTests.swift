import QuorumCore
import QuorumStore
import QuorumTestSupport
import SQLKit
import Testing

/// Personal data past its time is erased (issue 13, item 21; `Retention`): expired sessions
/// and codes, and a former owner's name and phone once no vote still kept froze them.
@Suite struct PurgeTests {
    let rates = RateLimitTests()
    let data = OwnerDataTests()

    /// The names of the register rows that have ended, by unit.
    func formerNames(_ store: Store, estate: Int64) async throws -> [String: String] {
        try await store.withConnection { db in
            var names: [String: String] = [:]
            for row in try await db.raw("SELECT unit_no, name FROM owners WHERE estate_id = \(bind: estate) AND valid_to IS NOT NULL").all() {
                names[try row.decode(column: "unit_no", as: String.self)] = try row.decode(column: "name", as: String.self)
            }
            return names
        }
    }

    @Test(arguments: TestDatabase.available)
    func personalDataGoesWhenItsTimeIsUpAndNotBefore(_ database: TestDatabase) async throws {
        try await rates.withStore(database) { store, estate, clock in
            // setup: two owners bind; owner 1 sells before a vote, owner 2 after it (the vote froze 2)
            _ = try await data.bind(store, estate: estate, owner: 1)
            _ = try await data.bind(store, estate: estate, owner: 2)
            let files = try TestFiles()
            defer { files.remove() }
            var registry = RateLimitTests.registry.replacingOccurrences(of: "业主1,110101199001010001", with: "业主7,110101199001010007")
            _ = try await store.register.importRegister(file: try files.write("b.csv", registry), estate: EstatePath(estate: "天汇广场"))
            let now = clock.current.millisecondsSinceEpoch
            _ = try await store.voting.createVote(
                estate: estate, definition: VotingTests.definition, opensAt: clock.current,
                closesAt: Timestamp(millisecondsSinceEpoch: now + OrganiserTests.day),
                noticedAt: Timestamp(millisecondsSinceEpoch: now - 16 * OrganiserTests.day))
            registry = registry.replacingOccurrences(of: "业主2,110101199001010002", with: "业主8,110101199001010008")
            _ = try await store.register.importRegister(file: try files.write("c.csv", registry), estate: EstatePath(estate: "天汇广场"))
            // Today nothing is past its time.
            let today = try await store.purge()
            #expect(today.items.allSatisfy { $0.count == 0 })
            #expect(try await formerNames(store, estate: estate) == ["U1": "业主1", "U2": "业主2"])
            // act: 400 days on, a dry run, then the purge, then another
            clock.advance(minutes: 400 * 24 * 60)
            let counted = try await store.purge(dryRun: true)
            #expect(try await formerNames(store, estate: estate) == ["U1": "业主1", "U2": "业主2"], "a dry run erases nothing")
            let purged = try await store.purge()
            // check: the expired sessions and codes gone, owner 1's name and phone erased; owner 2
            // kept while the vote that froze them is kept (it has no final result yet)
            #expect(counted.items.map(\.count) == purged.items.map(\.count))
            #expect(purged["sessions"] == 2 && purged["binding_attempts"] == 2 && purged["former_owners"] == 1)
            #expect(try await formerNames(store, estate: estate) == ["U1": "", "U2": "业主2"])
            let erased = try await store.withConnection { db in
                try await db.raw("SELECT phone_sealed, phone_masked, id_masked FROM owners WHERE unit_no = 'U1' AND valid_to IS NOT NULL").first()
            }
            #expect(try erased?.decode(column: "phone_sealed", as: String.self) == "")
            #expect(try erased?.decode(column: "id_masked", as: String.self) == "")
            #expect(try await store.purge().items.allSatisfy { $0.count == 0 }, "a second purge finds nothing")
        }
    }
}
