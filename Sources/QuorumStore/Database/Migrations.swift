import SQLKit

/// One step of the schema. Steps only add tables, columns and indexes, and are never
/// edited once released: a database migrated by any version can be migrated by any later one.
struct Migration: Sendable {
    let id: String
    let run: @Sendable (any SQLDatabase) async throws -> Void
}

extension Store {
    /// Every migration, in order. Append only.
    static let migrations: [Migration] = [
        Migration(id: "001-register", run: createRegisterTables),
        Migration(id: "002-voting") {
            try await createVotingTables($0)
            try await createBindingTables($0)
            try await createOutboxTable($0)
        },
        Migration(id: "003-audit-log", run: createAuditLogTables),
        Migration(id: "004-ballot-log-index", run: addBallotLogIndex),
        Migration(id: "005-organisers") {
            try await createStaffTables($0)
            try await createOrganisingTables($0)
            try await createPaperTables($0)
        },
        Migration(id: "006-log-subject", run: addLogSubject),
        Migration(id: "007-documents", run: moveVoteDocuments),
        Migration(id: "008-used-credentials", run: addUsedCredentials),
        Migration(id: "009-sign-in-failures", run: addSignInFailures),
        Migration(id: "010-tickets", run: createTicketTables),
        Migration(id: "011-paper-collection", run: addPaperCollection),
        Migration(id: "012-ballot-notices", run: addBallotNotices),
        Migration(id: "013-vote-staff", run: addVoteStaff),
        Migration(id: "014-estate-settings", run: addEstateSettings),
        Migration(id: "015-phone-changes", run: addPhoneChanges),
        Migration(id: "016-delivery-days", run: addDeliveryDays),
        Migration(id: "017-books", run: createBooksTables),
        Migration(id: "018-facilities", run: createFacilityTables),
    ]

    /// The ids of every migration this program knows, in order.
    public static var migrationIDs: [String] { migrations.map(\.id) }

    /// Applies the migrations this database lacks, each in its own transaction, and makes
    /// sure the key for personal data exists. Running it again changes nothing. Returns the
    /// ids of the migrations it applied. `through`: the last to apply (a test builds a
    /// database as an older version left it).
    @discardableResult
    public func migrate(through last: String? = nil) async throws -> [String] {
        let applied = try await withConnection { db in
            try await db.create(table: "quorum_migrations").ifNotExists()
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("applied_at", type: .bigint, .notNull)
                .run()
            var applied: [String] = []
            for migration in Self.migrations.prefix(through: Self.migrations.firstIndex { $0.id == last } ?? Self.migrations.count - 1) {
                let done = try await Self.appliedMigrations(db)
                if done.contains(migration.id) { continue }
                do {
                    try await transaction(on: db) {
                        try await migration.run(db)
                        try await db.raw(
                            "INSERT INTO quorum_migrations (id, applied_at) VALUES (\(bind: migration.id), \(bind: clock().millisecondsSinceEpoch))"
                        ).run()
                        return .commit(())
                    }
                    applied.append(migration.id)
                } catch {
                    // Another instance starting at the same time may have applied it first.
                    guard try await Self.appliedMigrations(db).contains(migration.id) else { throw error }
                }
            }
            let unknown = try await Self.appliedMigrations(db).subtracting(Self.migrations.map(\.id))
            guard unknown.isEmpty else { throw StoreError.unknownMigrations(unknown.sorted()) }
            _ = try await personalDataKey(on: db, creating: true)
            _ = try await log.logSigningKey(on: db, creating: true)
            return applied
        }
        // A SQLite connection opened before a migration added columns reads the table's
        // old columns in its next `SELECT *` (SQLiteNIO names the columns before the step
        // that reloads the schema): one statement on each makes every one read it anew.
        if backend == .sqlite && !applied.isEmpty {
            try await database.connections.everyConnection { try await $0.raw("SELECT COUNT(*) AS n FROM sqlite_master").run() }
        }
        return applied
    }

    private static func appliedMigrations(_ db: any SQLDatabase) async throws -> Set<String> {
        Set(try await db.select().column("id").from("quorum_migrations").all(decodingColumn: "id", as: String.self))
    }
}

extension StoreContext {
    /// Checks that `migrate()` has run, so that other operations can say so plainly.
    func requireMigrated(_ db: any SQLDatabase) async throws {
        // A database never migrated has no such table; both databases then fail the query.
        let rows = try? await db.raw("SELECT COUNT(*) AS n FROM quorum_migrations").first(decodingColumn: "n", as: Int.self)
        guard rows == Store.migrations.count else { throw StoreError.notMigrated }
    }
}
