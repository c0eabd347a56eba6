import Foundation
import QuorumCore
import QuorumTestSupport
import SQLKit
import Testing

@testable import QuorumStore

/// Issue 13: the personal-data secret and the log's signing key are not in the database they
/// protect, so a copy of the database alone is no help to whoever holds it.
@Suite struct KeyFileTests {
    @Test func theDatabaseAloneRevealsNoIDNumberOrPhoneAndSignsNoHead() async throws {
        let files = try TestFiles()
        defer { files.remove() }
        let copy = files.directory.appendingPathComponent("copy.sqlite").path
        let keys = StoreKeys.generate()
        // setup: an estate with ID numbers and phones, a signed log; the database copied alone
        try await TestDatabase.sqlite.withStore(secret: keys.secret, logKey: keys.logKey) { store in
            _ = try await store.register.importRegister(
                file: try files.write("registry.csv", VotingTests.registry), estate: EstatePath(estate: "天汇广场"))
            _ = try await store.log.append([LogEntry(vote: "v1", time: TestClock.start, event: .voteOpened(actor: "c1"))])
            try await store.backup(to: copy)
        }
        // check: neither the numbers nor the keys are in its bytes
        let bytes = try #require(FileManager.default.contents(atPath: copy))
        for secret in ["110101199001010011", "110101199202020022", "13800000001", "13800000003", keys.secret, keys.logKey] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is in the copy")
        }
        // act, check: whoever holds the copy and guesses a secret reads nothing and signs nothing
        let holder = try await Store.open(.sqlite(path: copy), secret: "a guess", logKey: LogSigningKey.generate().base64)
        await #expect(throws: StoreError.secretMismatch) { try await holder.migrate() }
        await #expect(throws: AuditLogError.logKeyMismatch) {
            try await holder.log.append([LogEntry(vote: "v1", time: TestClock.start, event: .voteClosed(actor: "forger"))])
        }
        #expect(try (try await holder.log.verify().result).get().entries == 1)
        try await holder.close()
    }

    @Test func aSQLiteDatabaseGetsItsKeyFileBesideItReadableByItsOwnerOnly() async throws {
        let files = try TestFiles()
        defer { files.remove() }
        let url = DatabaseURL.sqlite(path: files.directory.appendingPathComponent("q.sqlite").path)
        let path = try #require(KeyFile.defaultPath(for: url))
        // act: the first start makes the file; the second reads it
        let first = try await KeyFile.resolve(for: url, file: nil, environment: [:])
        let second = try await KeyFile.resolve(for: url, file: nil, environment: [:])
        // check
        #expect(first == second)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        // the environment takes the place of the file's keys
        let secret = try await KeyFile.resolve(for: url, file: nil, environment: ["QUORUM_SECRET": "from the environment"])
        #expect(secret == StoreKeys(secret: "from the environment", logKey: first.logKey))
        // a database in use whose key file went missing is not given new keys
        let store = try await Store.open(url, secret: first.secret, logKey: first.logKey)
        try await store.migrate()
        try await store.close()
        try FileManager.default.moveItem(atPath: path, toPath: path + ".away")
        await #expect(throws: KeyFileError.lost(path: path)) { try await KeyFile.resolve(for: url, file: nil, environment: [:]) }
        #expect(!FileManager.default.fileExists(atPath: path))
        try FileManager.default.moveItem(atPath: path + ".away", toPath: path)
        // a file others may read is refused
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        await #expect(throws: KeyFileError.exposed(path: path, mode: 0o644)) { try await KeyFile.resolve(for: url, file: nil, environment: [:]) }
    }

    @Test(arguments: TestDatabase.available)
    func keysAnEarlierVersionKeptInTheDatabaseMoveToTheKeyFile(_ database: TestDatabase) async throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = files.directory.appendingPathComponent("moved.keys").path
        try await database.withEmptyDatabase { url in
            // setup: a database migrated before issue 13, its keys in `settings`
            let keys = StoreKeys.generate()
            let old = try await Store.open(url, secret: keys.secret, logKey: keys.logKey)
            try await old.migrate()
            try await old.withConnection { db in
                try await db.raw(
                    """
                    INSERT INTO settings (key, value) VALUES ('personal_data_secret', \(bind: keys.secret)),
                    ('audit_log_signing_key', \(bind: keys.logKey))
                    """
                ).run()
            }
            try await old.close()
            // act
            let moved = try await KeyFile.resolve(for: url, file: path, environment: [:])
            // check: the same keys, now in the file and no longer in the database
            #expect(moved == keys)
            #expect(try KeyFile.read(path) == keys)
            let left = try await Store.legacyKeys(at: url)
            #expect(left.secret == nil && left.logKey == nil)
        }
    }

    @Test func postgreSQLNeedsTheKeysGiven() async throws {
        let url = try DatabaseURL("postgres://quorum@127.0.0.1:1/none")
        #expect(KeyFile.defaultPath(for: url) == nil)
        await #expect(throws: KeyFileError.required) { try await KeyFile.resolve(for: url, file: nil, environment: [:]) }
        await #expect(throws: KeyFileError.required) {
            try await KeyFile.resolve(for: url, file: nil, environment: ["QUORUM_SECRET": "only one of the two"])
        }
    }
}
