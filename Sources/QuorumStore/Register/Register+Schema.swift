import SQLKit

/// The register: the administrative hierarchy, each estate's register revisions, and the
/// units and owners of every revision (docs/STORE.md explains the layout).
@Sendable func createRegisterTables(_ db: any SQLDatabase) async throws {
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
