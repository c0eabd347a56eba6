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
        Migration(id: "002-voting", run: createVotingTables),
        Migration(id: "003-audit-log", run: createAuditLogTables),
        Migration(id: "004-ballot-log-index", run: addBallotLogIndex),
        Migration(id: "005-organisers", run: createOrganiserTables),
    ]

    /// The ids of every migration this program knows, in order.
    public static var migrationIDs: [String] { migrations.map(\.id) }

    /// Applies the migrations this database lacks, each in its own transaction, and makes
    /// sure the key for personal data exists. Running it again changes nothing. Returns the
    /// ids of the migrations it applied.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await withConnection { db in
            try await db.create(table: "quorum_migrations").ifNotExists()
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("applied_at", type: .bigint, .notNull)
                .run()
            var applied: [String] = []
            for migration in Self.migrations {
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

/// The register: the administrative hierarchy, each estate's register revisions, and the
/// units and owners of every revision (docs/STORE.md explains the layout).
@Sendable private func createRegisterTables(_ db: any SQLDatabase) async throws {
    try await db.create(table: "settings")
        .column("key", type: .text, .primaryKey(autoIncrement: false))
        .column("value", type: .text, .notNull)
        .run()

    // city → district → street → community → estate → building → entrance. Top-level
    // divisions have parent_id 0, so that (parent_id, level, name) can be unique on both
    // databases (NULLs never collide in a unique index).
    try await db.create(table: "divisions")
        .column("id", type: .bigint, .primaryKey(autoIncrement: true))
        .column("parent_id", type: .bigint, .notNull)
        .column("level", type: .text, .notNull)
        .column("name", type: .text, .notNull)
        // For an estate: the number of its latest register revision (0: none yet).
        .column("register_revision", type: .bigint, .notNull, .default(0))
        .unique("parent_id", "level", "name")
        .run()
    // Finding a division by its name, as an import's --estate and --street do.
    try await db.create(index: "divisions_name").on("divisions").column("name").column("level").run()
    // Every (ancestor, descendant) pair, each division its own ancestor at depth 0, so
    // "is this estate under that street?" is one indexed lookup.
    try await db.create(table: "division_ancestors")
        .column("ancestor_id", type: .bigint, .notNull, .references("divisions", "id"))
        .column("descendant_id", type: .bigint, .notNull, .references("divisions", "id"))
        .column("depth", type: .int, .notNull)
        .primaryKey("ancestor_id", "descendant_id")
        .run()
    try await db.create(index: "division_ancestors_descendant").on("division_ancestors")
        .column("descendant_id").run()

    try await db.create(table: "register_revisions")
        .column("id", type: .bigint, .primaryKey(autoIncrement: true))
        .column("estate_id", type: .bigint, .notNull, .references("divisions", "id"))
        .column("number", type: .bigint, .notNull)
        .column("created_at", type: .bigint, .notNull)
        .column("file_name", type: .text, .notNull)
        .column("file_sha256", type: .text, .notNull)
        .column("row_count", type: .bigint, .notNull)
        .column("unit_count", type: .bigint, .notNull)
        .column("units_added", type: .bigint, .notNull)
        .column("units_changed", type: .bigint, .notNull)
        .column("units_removed", type: .bigint, .notNull)
        .column("owners_changed", type: .bigint, .notNull)
        .unique("estate_id", "number")
        .run()

    // A row holds one version of a unit: it belongs to revisions valid_from up to, not
    // including, valid_to (NULL: still current). Areas in 0.01 m²; enums as their English names.
    // Units and owners have no foreign key to divisions: a check per row would cost as much
    // as the row on PostgreSQL, and only the import writes them, in the transaction that
    // found the estate.
    try await db.create(table: "units")
        .column("estate_id", type: .bigint, .notNull)
        .column("unit_no", type: .text, .notNull)
        .column("building", type: .text, .notNull)
        .column("entrance", type: .text, .notNull)
        .column("room", type: .text, .notNull)
        .column("area", type: .bigint, .notNull)
        .column("area_source", type: .text, .notNull)
        .column("unit_use", type: .text, .notNull)
        .column("valid_from", type: .bigint, .notNull)
        .column("valid_to", type: .bigint)
        .primaryKey("estate_id", "unit_no", "valid_from")
        .run()
    // At most one current version of a unit. Partial indexes read the same on both databases.
    try await db.raw("CREATE UNIQUE INDEX units_current ON units (estate_id, unit_no) WHERE valid_to IS NULL").run()

    // The owners of a unit over the same revisions. No ID number or phone in clear: a keyed
    // hash to match on and a masked form to show.
    try await db.create(table: "owners")
        .column("estate_id", type: .bigint, .notNull)
        .column("unit_no", type: .text, .notNull)
        .column("id_hash", type: .text, .notNull)
        .column("id_masked", type: .text, .notNull)
        .column("name", type: .text, .notNull)
        .column("kind", type: .text, .notNull)
        .column("phone_hash", type: .text, .notNull)
        .column("phone_masked", type: .text, .notNull)
        .column("valid_from", type: .bigint, .notNull)
        .column("valid_to", type: .bigint)
        .run()
    // No key: an owner appears once per unit and revision because the import checks it, and
    // a key holding the hash would double the largest index of a city.
    try await db.create(index: "owners_unit").on("owners").column("estate_id").column("unit_no").run()
    try await db.create(index: "owners_id_hash").on("owners").column("id_hash").run()
}
