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
            let keys = StoreKeys.generate()
            let store = try await Store.open(url, secret: keys.secret, logKey: keys.logKey, clock: TestClock.fixed)
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
    func theKeysAreNeverInTheDatabaseAndAnotherSecretIsRefused(_ database: TestDatabase) async throws {
        try await database.withEmptyDatabase { url in
            // setup: a first start with its keys
            let keys = StoreKeys.generate()
            let first = try await Store.open(url, secret: keys.secret, logKey: keys.logKey)
            try await first.migrate()
            let settings = try await first.withConnection { db in
                try await db.raw("SELECT key, value FROM settings").all().map { try $0.decode(column: "value", as: String.self) }
            }
            try await first.close()
            // check: only the fingerprint and the public half are kept
            #expect(settings.count == 2)
            #expect(!settings.contains(keys.secret) && !settings.contains(keys.logKey))
            // act, check: the same keys again; another secret, or none, is refused
            let again = try await Store.open(url, secret: keys.secret, logKey: keys.logKey)
            #expect(try await again.migrate().isEmpty)
            try await again.close()
            let other = try await Store.open(url, secret: "another secret", logKey: keys.logKey)
            await #expect(throws: StoreError.secretMismatch) { try await other.migrate() }
            try await other.close()
            let none = try await Store.open(url)
            await #expect(throws: StoreError.noKeys) { try await none.migrate() }
            try await none.close()
        }
    }
}
