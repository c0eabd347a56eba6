import QuorumCore
import SQLKit

extension RegisterStore {
    /// Compares the staged file with the estate's current register and, if they differ,
    /// applies the difference as a new revision, in one transaction.
    ///
    /// A changed unit's current row is closed (`valid_to` = the new revision) and a new row
    /// opened, so every earlier revision can still be read as it stood. Owners likewise,
    /// per unit: if anything about a unit's owners changed, its owner rows are replaced.
    func applyStaged(
        estate path: EstatePath, file: String, sha256: String, rows: Int, on db: any SQLDatabase
    ) async throws -> RegisterImportResult {
        try await transaction(on: db) {
            guard let estate = try await Self.resolve(path.steps, creating: true, on: db) else {
                throw StoreError.estateNotFound(path.description)
            }
            // Taking the next number is the first write: it locks the estate's row on
            // PostgreSQL, so two imports of one estate queue here, and the second then sees
            // the first one's register.
            let number =
                try await db.raw(
                    """
                    UPDATE divisions SET register_revision = register_revision + 1 WHERE id = \(bind: estate.id)
                    RETURNING register_revision
                    """
                ).first(decodingColumn: "register_revision", as: Int.self) ?? 1
            let previous = try await Self.revision(estate: estate.id, number: number - 1, on: db)

            try await Self.findChanges(estate: estate.id, on: db)
            let counts = try await db.raw(
                """
                SELECT COUNT(*) AS units, CAST(COALESCE(SUM(added), 0) AS BIGINT) AS added,
                CAST(COALESCE(SUM(unit_changed), 0) AS BIGINT) AS changed,
                CAST(COALESCE(SUM(removed), 0) AS BIGINT) AS removed,
                CAST(COALESCE(SUM(owners_changed), 0) AS BIGINT) AS owners FROM import_changes
                """
            ).first()
            guard let counts, try counts.decode(column: "units", as: Int.self) > 0 else {
                return .rollback(RegisterImportResult(estate: estate, created: nil, current: previous, samples: ChangeSamples()))
            }
            try await Self.applyChanges(estate: estate.id, revision: number, on: db)
            try await Self.addBuildingsAndEntrances(estate: estate.id, on: db)

            let unitCount = try await db.raw("SELECT COUNT(*) AS n FROM import_units").first(decodingColumn: "n", as: Int.self) ?? 0
            let revision = RegisterRevision(
                estateID: estate.id, number: number, createdAt: clock(), fileName: file, fileSHA256: sha256,
                rowCount: rows, unitCount: unitCount, unitsAdded: try counts.decode(column: "added", as: Int.self),
                unitsChanged: try counts.decode(column: "changed", as: Int.self),
                unitsRemoved: try counts.decode(column: "removed", as: Int.self),
                ownersChanged: try counts.decode(column: "owners", as: Int.self))
            try await db.raw(
                """
                INSERT INTO register_revisions (estate_id, number, created_at, file_name, file_sha256, row_count,
                unit_count, units_added, units_changed, units_removed, owners_changed)
                VALUES (\(bind: estate.id), \(bind: number), \(bind: revision.createdAt.millisecondsSinceEpoch),
                \(bind: file), \(bind: sha256), \(bind: rows), \(bind: unitCount), \(bind: revision.unitsAdded),
                \(bind: revision.unitsChanged), \(bind: revision.unitsRemoved), \(bind: revision.ownersChanged))
                """
            ).run()
            let samples = try await Self.changeSamples(on: db)
            return .commit(RegisterImportResult(estate: estate, created: revision, current: revision, samples: samples))
        }
    }

    /// Fills `import_changes` with every unit added, removed, changed, or whose owners changed.
    private static func findChanges(estate: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO import_changes (unit_no, added, unit_changed, removed, owners_changed)
            SELECT s.unit_no, 1, 0, 0, 0 FROM import_units s WHERE NOT EXISTS (SELECT 1 FROM units u
            WHERE u.estate_id = \(bind: estate) AND u.unit_no = s.unit_no AND u.valid_to IS NULL)
            """
        ).run()
        try await db.raw(
            """
            INSERT INTO import_changes (unit_no, added, unit_changed, removed, owners_changed)
            SELECT u.unit_no, 0, 0, 1, 0 FROM units u WHERE u.estate_id = \(bind: estate) AND u.valid_to IS NULL
            AND NOT EXISTS (SELECT 1 FROM import_units s WHERE s.unit_no = u.unit_no)
            """
        ).run()
        // Owners differ when a row of the file has no current owner with the same ID, name,
        // kind and phone, or a current owner's ID is not in the file.
        try await db.raw(
            """
            INSERT INTO import_changes (unit_no, added, unit_changed, removed, owners_changed)
            SELECT c.unit_no, 0, c.unit_changed, 0, c.owners_changed FROM (
              SELECT s.unit_no,
                CASE WHEN s.building <> u.building OR s.entrance <> u.entrance OR s.room <> u.room OR s.area <> u.area
                  OR s.area_source <> u.area_source OR s.unit_use <> u.unit_use THEN 1 ELSE 0 END AS unit_changed,
                CASE WHEN EXISTS (SELECT 1 FROM import_rows r WHERE r.unit_no = s.unit_no AND NOT EXISTS (
                    SELECT 1 FROM owners o WHERE o.estate_id = \(bind: estate) AND o.unit_no = r.unit_no
                    AND o.valid_to IS NULL AND o.id_hash = r.id_hash AND o.name = r.owner_name
                    AND o.kind = r.owner_kind AND o.phone_hash = r.phone_hash))
                  OR EXISTS (SELECT 1 FROM owners o WHERE o.estate_id = \(bind: estate) AND o.unit_no = s.unit_no
                    AND o.valid_to IS NULL AND NOT EXISTS (
                      SELECT 1 FROM import_rows r WHERE r.unit_no = o.unit_no AND r.id_hash = o.id_hash))
                  THEN 1 ELSE 0 END AS owners_changed
              FROM import_units s JOIN units u ON u.estate_id = \(bind: estate) AND u.unit_no = s.unit_no
              AND u.valid_to IS NULL
            ) c WHERE c.unit_changed = 1 OR c.owners_changed = 1
            """
        ).run()
    }

    /// Closes the rows of what changed and opens rows for its new state, at `revision`.
    private static func applyChanges(estate: Int64, revision: Int, on db: any SQLDatabase) async throws {
        for (table, changed) in [("units", "unit_changed"), ("owners", "owners_changed")] {
            try await db.raw(
                """
                UPDATE \(ident: table) SET valid_to = \(bind: revision) WHERE estate_id = \(bind: estate) AND valid_to IS NULL
                AND unit_no IN (SELECT unit_no FROM import_changes WHERE removed = 1 OR \(ident: changed) = 1)
                """
            ).run()
        }
        try await db.raw(
            """
            INSERT INTO units (estate_id, unit_no, building, entrance, room, area, area_source, unit_use, valid_from)
            SELECT \(bind: estate), s.unit_no, s.building, s.entrance, s.room, s.area, s.area_source, s.unit_use,
            \(bind: revision) FROM import_units s
            WHERE s.unit_no IN (SELECT unit_no FROM import_changes WHERE added = 1 OR unit_changed = 1)
            """
        ).run()
        try await db.raw(
            """
            INSERT INTO owners (estate_id, unit_no, id_hash, id_masked, name, kind, phone_hash, phone_masked, phone_sealed,
            valid_from)
            SELECT \(bind: estate), r.unit_no, r.id_hash, r.id_masked, r.owner_name, r.owner_kind, r.phone_hash,
            r.phone_masked, r.phone_sealed, \(bind: revision) FROM import_rows r
            WHERE r.unit_no IN (SELECT unit_no FROM import_changes WHERE added = 1 OR owners_changed = 1)
            """
        ).run()
    }

    /// Records the estate's buildings and their entrances in the hierarchy (divisions are
    /// never removed: a building left out of a later file keeps its place, without units).
    /// The `WHERE` before `ON CONFLICT` is what SQLite's grammar needs to tell it from a join's `ON`.
    private static func addBuildingsAndEntrances(estate: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO divisions (parent_id, level, name)
            SELECT DISTINCT \(bind: estate), \(bind: DivisionLevel.building.rawValue), s.building FROM import_units s
            WHERE TRUE ON CONFLICT (parent_id, level, name) DO NOTHING
            """
        ).run()
        try await linkAncestors(parentCondition: "= \(bind: estate)", on: db)
        try await db.raw(
            """
            INSERT INTO divisions (parent_id, level, name)
            SELECT DISTINCT b.id, \(bind: DivisionLevel.entrance.rawValue), s.entrance FROM import_units s
            JOIN divisions b ON b.parent_id = \(bind: estate) AND b.level = \(bind: DivisionLevel.building.rawValue)
              AND b.name = s.building
            WHERE s.entrance <> '' ON CONFLICT (parent_id, level, name) DO NOTHING
            """
        ).run()
        try await linkAncestors(
            parentCondition: """
                IN (SELECT id FROM divisions WHERE parent_id = \(bind: estate) AND level = \(bind: DivisionLevel.building.rawValue))
                """, on: db)
    }

    private static func changeSamples(on db: any SQLDatabase) async throws -> ChangeSamples {
        func sample(_ condition: String) async throws -> [String] {
            try await db.raw(
                """
                SELECT unit_no FROM import_changes WHERE \(unsafeRaw: condition) = 1 ORDER BY unit_no
                LIMIT \(literal: Self.changeSampleSize)
                """
            ).all(decodingColumn: "unit_no", as: String.self)
        }
        return ChangeSamples(
            added: try await sample("added"), changed: try await sample("unit_changed"),
            removed: try await sample("removed"), ownersChanged: try await sample("owners_changed"))
    }
}
