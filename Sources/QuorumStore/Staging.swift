import QuorumCore
import SQLKit

/// The temporary tables of an import. They live on the import's connection only, so
/// concurrent imports never see each other's, and they vanish with the connection.
enum Staging {
    /// Every valid row of the file, as the register tables will hold it.
    static let rowColumns = [
        "line", "unit_no", "building", "entrance", "room", "area", "area_source", "unit_use", "owner_name", "id_hash",
        "id_masked", "owner_kind", "phone_hash", "phone_masked",
    ]

    static func create(on db: any SQLDatabase) async throws {
        try await drop(on: db)
        try await db.create(table: "import_rows").temporary()
            .column("line", type: .bigint, .primaryKey(autoIncrement: false))
            .column("unit_no", type: .text, .notNull).column("building", type: .text, .notNull)
            .column("entrance", type: .text, .notNull).column("room", type: .text, .notNull)
            .column("area", type: .bigint, .notNull).column("area_source", type: .text, .notNull)
            .column("unit_use", type: .text, .notNull).column("owner_name", type: .text, .notNull)
            .column("id_hash", type: .text, .notNull).column("id_masked", type: .text, .notNull)
            .column("owner_kind", type: .text, .notNull).column("phone_hash", type: .text, .notNull)
            .column("phone_masked", type: .text, .notNull)
            // 0 once the row is found to disagree with its unit's first row.
            .column("agrees", type: .int, .notNull, .default(1))
            .run()
        // One row per unit: its first row in the file, which the core reader keeps too.
        try await db.create(table: "import_units").temporary()
            .column("unit_no", type: .text, .primaryKey(autoIncrement: false))
            .column("first_line", type: .bigint, .notNull).column("building", type: .text, .notNull)
            .column("entrance", type: .text, .notNull).column("room", type: .text, .notNull)
            .column("area", type: .bigint, .notNull).column("area_source", type: .text, .notNull)
            .column("unit_use", type: .text, .notNull)
            .run()
        // The difference from the current register, one row per unit that differs.
        try await db.create(table: "import_changes").temporary()
            .column("unit_no", type: .text, .primaryKey(autoIncrement: false))
            .column("added", type: .int, .notNull).column("unit_changed", type: .int, .notNull)
            .column("removed", type: .int, .notNull).column("owners_changed", type: .int, .notNull)
            .run()
    }

    static func drop(on db: any SQLDatabase) async throws {
        for table in ["import_rows", "import_units", "import_changes"] {
            try await db.drop(table: table).ifExists().run()
        }
    }

    /// Writes the pending rows in batches of `Store.stagingBatchRows`, leaving a last
    /// partial batch pending unless `all`. Returns how many rows it wrote.
    static func insert(_ pending: inout [RegisterRow], all: Bool, key: PersonalDataKey, on db: any SQLDatabase)
        async throws -> Int
    {
        let size = Store.stagingBatchRows
        var start = 0
        while pending.count - start >= size || (all && start < pending.count) {
            let batch = pending[start..<min(start + size, pending.count)]
            try await db.raw(
                "INSERT INTO import_rows (\(idents: rowColumns, joinedBy: ", ")) VALUES \(Values(rows: batch, key: key))"
            ).run()
            start += batch.count
        }
        pending.removeFirst(start)
        return start
    }

    /// The VALUES list of a batch, every value a bound parameter. The ID number and the
    /// phone leave this process only as keyed hashes and masked forms.
    private struct Values: SQLExpression {
        let rows: ArraySlice<RegisterRow>
        let key: PersonalDataKey

        func serialize(to serializer: inout SQLSerializer) {
            var first = true
            for row in rows {
                let unit = row.unit, owner = row.owner, phone = owner.phone ?? ""
                let values: [any Encodable & Sendable] = [
                    row.line, unit.id, unit.building, unit.entrance ?? "", unit.room, unit.area.centiSquareMetres,
                    unit.areaSource.rawValue, unit.use.rawValue, owner.name, key.hash(owner.idNumber),
                    Masking.idNumber(owner.idNumber), owner.kind.rawValue, key.hash(phone),
                    phone.isEmpty ? "" : Masking.phone(phone),
                ]
                serializer.write(first ? "(" : ", (")
                first = false
                for (position, value) in values.enumerated() {
                    if position > 0 { serializer.write(", ") }
                    serializer.write(bind: value)
                }
                serializer.write(")")
            }
        }
    }

    /// The core reader's unit-level checks (`RegisterBuilder`), done in SQL over the staged
    /// rows so that memory does not grow with the file: every row of a unit must agree with
    /// the unit's first row on building, room, area and use, and no owner may be listed
    /// twice on a unit. The errors are the builder's, on the same lines.
    static func checkUnits(file: String, errors: inout ErrorList, on db: any SQLDatabase) async throws {
        try await db.raw("CREATE INDEX import_rows_owner ON import_rows (unit_no, id_hash)").run()
        try await db.raw(
            """
            INSERT INTO import_units (unit_no, first_line, building, entrance, room, area, area_source, unit_use)
            SELECT r.unit_no, r.line, r.building, r.entrance, r.room, r.area, r.area_source, r.unit_use
            FROM import_rows r JOIN (SELECT unit_no, MIN(line) AS line FROM import_rows GROUP BY unit_no) f ON f.line = r.line
            """
        ).run()
        try await db.raw(
            """
            UPDATE import_rows SET agrees = 0 WHERE EXISTS (SELECT 1 FROM import_units u
            WHERE u.unit_no = import_rows.unit_no AND (u.building <> import_rows.building OR u.room <> import_rows.room
            OR u.area <> import_rows.area OR u.unit_use <> import_rows.unit_use))
            """
        ).run()
        let limit = Store.listedErrorLimit

        // Rows that disagree with their unit's first row: one error per column that differs.
        var found: [InputError] = []
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
        let disagreements = try await db.raw(
            """
            SELECT CAST(COALESCE(SUM(
              CASE WHEN u.building <> r.building THEN 1 ELSE 0 END + CASE WHEN u.room <> r.room THEN 1 ELSE 0 END
              + CASE WHEN u.area <> r.area THEN 1 ELSE 0 END + CASE WHEN u.unit_use <> r.unit_use THEN 1 ELSE 0 END
            ), 0) AS BIGINT) AS n
            FROM import_rows r JOIN import_units u ON u.unit_no = r.unit_no WHERE r.agrees = 0
            """
        ).first(decodingColumn: "n", as: Int.self) ?? 0

        // An owner listed twice on a unit: the row names the earlier row that was accepted.
        let duplicate = """
            FROM import_rows a WHERE a.unit_no = r.unit_no AND a.id_hash = r.id_hash AND a.line < r.line AND a.agrees = 1
            """
        let duplicates = try await db.raw(
            """
            SELECT r.line, (SELECT MIN(a.line) \(unsafeRaw: duplicate)) AS first_line FROM import_rows r
            WHERE EXISTS (SELECT 1 \(unsafeRaw: duplicate)) ORDER BY r.line LIMIT \(literal: limit)
            """
        ).all()
        for row in duplicates {
            found.append(
                InputError(
                    file: file, line: try row.decode(column: "line", as: Int.self), field: RegisterColumn.ownerID.label,
                    problem: .duplicateOwnerRow(firstLine: try row.decode(column: "first_line", as: Int.self))))
        }
        let duplicateCount = try await db.raw(
            "SELECT COUNT(*) AS n FROM import_rows r WHERE EXISTS (SELECT 1 \(unsafeRaw: duplicate))"
        ).first(decodingColumn: "n", as: Int.self) ?? 0

        errors.add(found)
        errors.count(disagreements + duplicateCount - found.count)
    }
}
