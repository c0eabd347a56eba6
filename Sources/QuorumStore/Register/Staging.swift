import Foundation
import QuorumCore
import SQLKit

/// The temporary tables of an import. They live on the import's connection only, so
/// concurrent imports never see each other's, and they vanish with the connection. A
/// pooled connection keeps them between imports, emptied: creating tables costs more than
/// emptying them on PostgreSQL, where the catalog is written.
enum Staging {
    /// Every valid row of the file, as the register tables will hold it.
    static let rowColumns = [
        "line", "unit_no", "building", "entrance", "room", "area", "area_source", "unit_use", "owner_name", "id_hash",
        "id_masked", "owner_kind", "phone_hash", "phone_masked", "phone_sealed",
    ]

    static let tables = ["import_rows", "import_units", "import_changes"]

    /// Creates the tables if this connection has none yet, and empties them (what the
    /// last import on this connection left).
    static func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "import_rows").temporary().ifNotExists()
            .column("line", type: .bigint, .primaryKey(autoIncrement: false))
            .column("unit_no", type: .text, .notNull).column("building", type: .text, .notNull)
            .column("entrance", type: .text, .notNull).column("room", type: .text, .notNull)
            .column("area", type: .bigint, .notNull).column("area_source", type: .text, .notNull)
            .column("unit_use", type: .text, .notNull).column("owner_name", type: .text, .notNull)
            .column("id_hash", type: .text, .notNull).column("id_masked", type: .text, .notNull)
            .column("owner_kind", type: .text, .notNull).column("phone_hash", type: .text, .notNull)
            .column("phone_masked", type: .text, .notNull).column("phone_sealed", type: .text, .notNull)
            // 0 once the row is found to disagree with its unit's first row.
            .column("agrees", type: .int, .notNull, .default(1))
            .run()
        // One row per unit: its first row in the file, which the core reader keeps too.
        try await db.create(table: "import_units").temporary().ifNotExists()
            .column("unit_no", type: .text, .primaryKey(autoIncrement: false))
            .column("first_line", type: .bigint, .notNull).column("building", type: .text, .notNull)
            .column("entrance", type: .text, .notNull).column("room", type: .text, .notNull)
            .column("area", type: .bigint, .notNull).column("area_source", type: .text, .notNull)
            .column("unit_use", type: .text, .notNull)
            .run()
        // The difference from the current register, one row per unit that differs.
        try await db.create(table: "import_changes").temporary().ifNotExists()
            .column("unit_no", type: .text, .primaryKey(autoIncrement: false))
            .column("added", type: .int, .notNull).column("unit_changed", type: .int, .notNull)
            .column("removed", type: .int, .notNull).column("owners_changed", type: .int, .notNull)
            .run()
        try await db.raw("CREATE INDEX IF NOT EXISTS import_rows_owner ON import_rows (unit_no, id_hash)").run()
        try await empty(on: db)
    }

    /// Empties the tables: TRUNCATE on PostgreSQL (a DELETE would leave dead rows that no
    /// autovacuum clears in temporary tables); SQLite has no TRUNCATE, and a DELETE without
    /// WHERE is its equivalent.
    static func empty(on db: any SQLDatabase) async throws {
        if db.dialect.name == "sqlite" {
            for table in tables { try await db.raw("DELETE FROM \(ident: table)").run() }
        } else {
            try await db.raw("TRUNCATE \(idents: tables, joinedBy: ", ")").run()
        }
    }

    /// Writes rows: with `COPY` on PostgreSQL, where multi-row INSERTs with bound
    /// parameters cost several times more; in INSERTs of `RegisterStore.stagingBatchRows` rows on
    /// SQLite, where they are fast. Returns how many rows it wrote.
    static func insert(_ rows: [RegisterRow], key: PersonalDataKey, on db: any SQLDatabase) async throws -> Int {
        if let postgres = db as? PostgresSQL {
            try await postgres.copy(into: "import_rows", columns: rowColumns, rows: rows.lazy.map { values(of: $0, key: key) })
            return rows.count
        }
        for start in stride(from: 0, to: rows.count, by: RegisterStore.stagingBatchRows) {
            let batch = rows[start..<min(start + RegisterStore.stagingBatchRows, rows.count)]
            try await db.raw(
                "INSERT INTO import_rows (\(idents: rowColumns, joinedBy: ", ")) VALUES \(Values(rows: batch, key: key))"
            ).run()
        }
        return rows.count
    }

    /// A row's values, in `rowColumns` order, as text. The ID number and the phone leave this
    /// process only as keyed hashes and masked forms.
    static func values(of row: RegisterRow, key: PersonalDataKey) -> [String] {
        let unit = row.unit
        let owner = row.owner
        let phone = owner.phone ?? ""
        return [
            String(row.line), unit.id, unit.building, unit.entrance ?? "", unit.room, String(unit.area.centiSquareMetres),
            unit.areaSource.rawValue, unit.use.rawValue, owner.name, key.hash(owner.idNumber.uppercased()),
            Masking.idNumber(owner.idNumber), owner.kind.rawValue, key.hash(phone), phone.isEmpty ? "" : Masking.phone(phone),
            key.seal(phone),
        ]
    }

    /// The VALUES list of a batch, every value a bound parameter.
    private struct Values: SQLExpression {
        let rows: ArraySlice<RegisterRow>
        let key: PersonalDataKey

        func serialize(to serializer: inout SQLSerializer) {
            let first = serializer.binds.count + 1
            let placeholders = Placeholders.text(
                rows: rows.count, columns: rowColumns.count, from: first, serializer: &serializer)
            serializer.sql += placeholders
            serializer.binds.reserveCapacity(serializer.binds.count + rows.count * rowColumns.count)
            for row in rows {
                var values: [any Encodable & Sendable] = values(of: row, key: key)
                // The two integer columns as integers, as SQLite's columns hold them.
                values[0] = row.line
                values[5] = row.unit.area.centiSquareMetres
                serializer.binds += values
            }
        }
    }

    /// `(?1, ?2, …), (…)` or `($1, $2, …), (…)`: the placeholders of a batch, made once per
    /// shape (the dialect writes each placeholder) rather than once per value.
    private enum Placeholders {
        /// Written once per shape and dialect; the lock makes it safe between imports.
        private final class Cache: @unchecked Sendable {
            let lock = NSLock()
            var texts: [String: String] = [:]
        }
        private static let cache = Cache()

        static func text(rows: Int, columns: Int, from first: Int, serializer: inout SQLSerializer) -> String {
            let key = "\(serializer.dialect.name) \(rows) \(columns) \(first)"
            if let known = cache.lock.withLock({ cache.texts[key] }) { return known }
            let before = serializer.sql
            serializer.sql = ""
            for row in 0..<rows {
                serializer.write(row == 0 ? "(" : ", (")
                for column in 0..<columns {
                    if column > 0 { serializer.write(", ") }
                    serializer.dialect.bindPlaceholder(at: first + row * columns + column).serialize(to: &serializer)
                }
                serializer.write(")")
            }
            let text = serializer.sql
            serializer.sql = before
            cache.lock.withLock { cache.texts[key] = text }
            return text
        }
    }

    /// The core reader's unit-level checks (`RegisterBuilder`), done in SQL over the staged
    /// rows so that memory does not grow with the file: every row of a unit must agree with
    /// the unit's first row on building, room, area and use, and no owner may be listed
    /// twice on a unit. The errors are the builder's, on the same lines.
    static func checkUnits(file: String, errors: inout ErrorList, on db: any SQLDatabase) async throws {
        // Temporary tables get no automatic statistics; for a large file the planner needs
        // them for the joins (for a small one any plan is quick, and ANALYZE is not).
        let large = try await db.raw("SELECT COUNT(*) AS n FROM import_rows").first(decodingColumn: "n", as: Int.self) ?? 0 > 20_000
        if large { try await db.raw("ANALYZE import_rows").run() }
        try await db.raw(
            """
            INSERT INTO import_units (unit_no, first_line, building, entrance, room, area, area_source, unit_use)
            SELECT r.unit_no, r.line, r.building, r.entrance, r.room, r.area, r.area_source, r.unit_use
            FROM import_rows r JOIN (SELECT unit_no, MIN(line) AS line FROM import_rows GROUP BY unit_no) f ON f.line = r.line
            """
        ).run()
        if large { try await db.raw("ANALYZE import_units").run() }
        let limit = RegisterStore.listedErrorLimit
        var found: [InputError] = []
        // One error per column in which a row differs from its unit's first row.
        let disagreements =
            try await db.raw(
                """
                SELECT CAST(COALESCE(SUM(
                  CASE WHEN u.building <> r.building THEN 1 ELSE 0 END + CASE WHEN u.room <> r.room THEN 1 ELSE 0 END
                  + CASE WHEN u.area <> r.area THEN 1 ELSE 0 END + CASE WHEN u.unit_use <> r.unit_use THEN 1 ELSE 0 END
                ), 0) AS BIGINT) AS n
                FROM import_rows r JOIN import_units u ON u.unit_no = r.unit_no
                """
            ).first(decodingColumn: "n", as: Int.self) ?? 0
        if disagreements > 0 {
            try await markDisagreements(file: file, into: &found, on: db)
        }

        // An owner listed twice on a unit: the row names the earlier row that was accepted.
        let duplicate = """
            FROM import_rows a WHERE a.unit_no = r.unit_no AND a.id_hash = r.id_hash AND a.line < r.line AND a.agrees = 1
            """
        let duplicateCount =
            try await db.raw(
                "SELECT COUNT(*) AS n FROM import_rows r WHERE EXISTS (SELECT 1 \(unsafeRaw: duplicate))"
            ).first(decodingColumn: "n", as: Int.self) ?? 0
        if duplicateCount > 0 {
            let duplicates = try await db.raw(
                """
                SELECT r.line, (SELECT MIN(a.line) \(unsafeRaw: duplicate)) AS first_line FROM import_rows r
                WHERE EXISTS (SELECT 1 \(unsafeRaw: duplicate)) ORDER BY r.line LIMIT \(literal: limit)
                """
            ).all()
            for row in duplicates {
                found.append(
                    InputError(
                        file: file, line: try row.decode(column: "line", as: Int.self),
                        field: RegisterColumn.ownerID.label,
                        problem: .duplicateOwnerRow(firstLine: try row.decode(column: "first_line", as: Int.self))))
            }
        }

        errors.add(found)
        errors.count(disagreements + duplicateCount - found.count)
    }

    /// Marks the rows that disagree with their unit's first row (they are not accepted, so
    /// they cannot be the earlier row of a duplicate) and lists their errors.
    private static func markDisagreements(file: String, into found: inout [InputError], on db: any SQLDatabase)
        async throws
    {
        let limit = RegisterStore.listedErrorLimit
        try await db.raw(
            """
            UPDATE import_rows SET agrees = 0 WHERE EXISTS (SELECT 1 FROM import_units u
            WHERE u.unit_no = import_rows.unit_no AND (u.building <> import_rows.building OR u.room <> import_rows.room
            OR u.area <> import_rows.area OR u.unit_use <> import_rows.unit_use))
            """
        ).run()
        // Rows that disagree with their unit's first row: one error per column that differs.
        let disagreeing = try await db.raw(
            """
            SELECT r.line, u.first_line, u.building AS first_building, r.building, u.room AS first_room, r.room,
            u.area AS first_area, r.area, u.unit_use AS first_use, r.unit_use
            FROM import_rows r JOIN import_units u ON u.unit_no = r.unit_no
            WHERE r.agrees = 0 ORDER BY r.line LIMIT \(literal: limit)
            """
        ).all()
        for row in disagreeing {
            let line = try row.decode(column: "line", as: Int.self)
            let firstLine = try row.decode(column: "first_line", as: Int.self)
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            func area(_ column: String) throws -> String {
                Area(centiSquareMetres: try row.decode(column: column, as: Int64.self)).description
            }
            func use(_ column: String) throws -> String { (UnitUse(rawValue: try text(column)) ?? .residential).chinese }
            let checks: [(RegisterColumn, String, String)] = [
                (.building, try text("first_building"), try text("building")),
                (.room, try text("first_room"), try text("room")),
                (.area, try area("first_area"), try area("area")),
                (.use, try use("first_use"), try use("unit_use")),
            ]
            for (column, first, value) in checks where first != value {
                found.append(
                    InputError(
                        file: file, line: line, field: column.label,
                        problem: .unitDisagrees(firstLine: firstLine, first: first, found: value)))
            }
        }
    }
}
