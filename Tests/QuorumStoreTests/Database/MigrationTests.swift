import QuorumCore
import QuorumStore
import QuorumSynthetic
import QuorumTestSupport
import Testing

@Suite struct MigrationTests {
    @Test(arguments: TestDatabase.available)
    func migratingAgainChangesNothing(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            // setup: withStore has migrated once
            let before = try await store.snapshot()
            // act
            let applied = try await store.migrate()
            // check
            #expect(applied.isEmpty)
            #expect(try await store.snapshot() == before)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aNewDatabaseGetsEveryMigration(_ database: TestDatabase) async throws {
        try await database.withEmptyDatabase { url in
            let store = try await Store.open(url, clock: TestClock.fixed)
            let applied = try await store.migrate()
            try await store.close()
            #expect(applied == Store.migrationIDs)
            #expect(applied.starts(with: ["001-register", "002-voting", "003-audit-log"]))
        }
    }

    @Test(arguments: TestDatabase.available)
    func anImportBeforeMigratingSaysToMigrate(_ database: TestDatabase) async throws {
        let files = try TestFiles()
        defer { files.remove() }
        let file = try files.write("registry.csv", SyntheticRegister(estate: 1, units: 3).text)
        try await database.withEmptyDatabase { url in
            let store = try await Store.open(url)
            await #expect(throws: StoreError.notMigrated) {
                try await store.register.importRegister(file: file, estate: EstatePath(estate: "天汇广场"))
            }
            try await store.close()
        }
    }

    @Test(arguments: TestDatabase.available)
    func theGeneratedKeyIsKeptAndAnotherSecretIsRefused(_ database: TestDatabase) async throws {
        try await database.withEmptyDatabase { url in
            // setup: first start without QUORUM_SECRET generates and keeps a key
            let first = try await Store.open(url)
            try await first.migrate()
            try await first.close()
            // act, check: a second start finds the same key; a configured secret is refused
            let again = try await Store.open(url)
            #expect(try await again.migrate().isEmpty)
            try await again.close()
            let other = try await Store.open(url, secret: "another secret")
            await #expect(throws: StoreError.secretMismatch) { try await other.migrate() }
            try await other.close()
        }
    }
}
