import QuorumCore
import SQLKit

/// A division of the administrative hierarchy: a city, district, street (街道), community
/// (社区), estate (小区), building or entrance.
public struct Division: Hashable, Sendable {
    public let id: Int64
    /// The division directly above; nil at the top.
    public let parentID: Int64?
    public let level: DivisionLevel
    public let name: String
}

extension RegisterStore {
    /// The estate a path names, or nil if there is none.
    public func findEstate(_ path: EstatePath) async throws -> Division? {
        guard path.namesAnEstate else { throw StoreError.estateNameMissing }
        return try await withConnection { db in try await Self.resolve(path.steps, creating: false, on: db) }
    }

    /// The one division of a level with a name, or nil; throws if several share the name.
    public func findDivision(_ level: DivisionLevel, named name: String) async throws -> Division? {
        try await withConnection { db in
            try await Self.resolve([EstatePath.Step(level: level, name: name)], creating: false, on: db)
        }
    }

    /// True if `division` lies anywhere below `ancestor`: "is this estate under that
    /// street office?". A division is not under itself.
    public func isDivision(_ division: Int64, under ancestor: Int64) async throws -> Bool {
        try await withConnection { db in
            try await db.raw(
                """
                SELECT depth FROM division_ancestors
                WHERE ancestor_id = \(bind: ancestor) AND descendant_id = \(bind: division) AND depth > 0
                """
            ).first() != nil
        }
    }

    /// The divisions above `division`, from the top down.
    public func ancestors(of division: Int64) async throws -> [Division] {
        try await withConnection { db in
            try await db.raw(
                """
                SELECT d.id, d.parent_id, d.level, d.name FROM division_ancestors a
                JOIN divisions d ON d.id = a.ancestor_id
                WHERE a.descendant_id = \(bind: division) AND a.depth > 0 ORDER BY a.depth DESC
                """
            ).all().map(Self.division(from:))
        }
    }

    /// The divisions of a level anywhere below `ancestor`, by name.
    public func divisions(_ level: DivisionLevel, under ancestor: Int64) async throws -> [Division] {
        try await withConnection { db in
            try await db.raw(
                """
                SELECT d.id, d.parent_id, d.level, d.name FROM division_ancestors a
                JOIN divisions d ON d.id = a.descendant_id
                WHERE a.ancestor_id = \(bind: ancestor) AND a.depth > 0 AND d.level = \(bind: level.rawValue)
                ORDER BY d.name, d.id
                """
            ).all().map(Self.division(from:))
        }
    }

    /// Loads `divisions.csv` (issue 17, item 1): each row's path is walked from the top and
    /// what it names that is new is added, all in one transaction; a row whose name matches
    /// two divisions of its level is an error of its line, and then nothing is added.
    /// Returns how many divisions were added (a file loaded twice adds none the second time).
    public func importDivisions(_ rows: [(line: Int, steps: [EstatePath.Step])], file: String) async throws -> Int {
        try await writing { db in
            let count = { try await db.raw("SELECT COUNT(*) AS n FROM divisions").first(decodingColumn: "n", as: Int.self) ?? 0 }
            let before = try await count()
            var errors: [InputError] = []
            for row in rows {
                do {
                    _ = try await Self.resolve(row.steps, creating: true, on: db)
                } catch StoreError.ambiguousDivision(let level, let name, let matches) {
                    errors.append(
                        InputError(
                            file: file, line: row.line, field: DivisionColumn(rawValue: level.rawValue)?.label,
                            problem: .ambiguousDivision(name, matches: matches)))
                }
            }
            guard errors.isEmpty else { throw InputErrors(errors) }
            return try await count() - before
        }
    }

    /// Walks a path from the top: each step is the one division of its level and name under
    /// the division found so far (at any depth, so a path may skip levels). With `creating`,
    /// a step that matches nothing is added directly under the division found so far.
    static func resolve(_ steps: [EstatePath.Step], creating: Bool, on db: any SQLDatabase) async throws -> Division? {
        var current: Division? = nil
        for step in steps {
            var query: SQLQueryString = """
                SELECT d.id, d.parent_id, d.level, d.name FROM divisions d
                WHERE d.level = \(bind: step.level.rawValue) AND d.name = \(bind: step.name)
                """
            if let current {
                query += """
                     AND EXISTS (SELECT 1 FROM division_ancestors a
                    WHERE a.ancestor_id = \(bind: current.id) AND a.descendant_id = d.id AND a.depth > 0)
                    """
            }
            let matches = try await db.raw(query + " ORDER BY d.id LIMIT 2").all().map(division(from:))
            if matches.count > 1 {
                throw StoreError.ambiguousDivision(level: step.level, name: step.name, matches: matches.count)
            }
            if let match = matches.first {
                current = match
            } else if creating {
                current = try await addDivision(step.level, named: step.name, under: current?.id, on: db)
            } else {
                return nil
            }
        }
        return current
    }

    /// Adds a division (or finds the one another writer just added) with its ancestor rows.
    static func addDivision(
        _ level: DivisionLevel, named name: String, under parent: Int64?, on db: any SQLDatabase
    ) async throws -> Division {
        let parentID = parent ?? 0
        try await db.raw(
            """
            INSERT INTO divisions (parent_id, level, name) VALUES (\(bind: parentID), \(bind: level.rawValue), \(bind: name))
            ON CONFLICT (parent_id, level, name) DO NOTHING
            """
        ).run()
        try await linkAncestors(parentCondition: "= \(bind: parentID)", on: db)
        let row = try await db.raw(
            """
            SELECT id, parent_id, level, name FROM divisions
            WHERE parent_id = \(bind: parentID) AND level = \(bind: level.rawValue) AND name = \(bind: name)
            """
        ).first()
        guard let row else { throw StoreError.notMigrated }
        return try division(from: row)
    }

    /// Gives the divisions whose parent matches `parentCondition` their rows in
    /// `division_ancestors`: themselves at depth 0 and every ancestor of their parent one
    /// deeper. Rows already there are kept.
    static func linkAncestors(parentCondition: SQLQueryString, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO division_ancestors (ancestor_id, descendant_id, depth)
            SELECT d.id, d.id, 0 FROM divisions d WHERE d.parent_id \(parentCondition)
            ON CONFLICT (ancestor_id, descendant_id) DO NOTHING
            """
        ).run()
        try await db.raw(
            """
            INSERT INTO division_ancestors (ancestor_id, descendant_id, depth)
            SELECT a.ancestor_id, d.id, a.depth + 1 FROM divisions d
            JOIN division_ancestors a ON a.descendant_id = d.parent_id
            WHERE d.parent_id \(parentCondition)
            ON CONFLICT (ancestor_id, descendant_id) DO NOTHING
            """
        ).run()
    }

    static func division(from row: any SQLRow) throws -> Division {
        let parent = try row.decode(column: "parent_id", as: Int64.self)
        let levelText = try row.decode(column: "level", as: String.self)
        return Division(
            id: try row.decode(column: "id", as: Int64.self), parentID: parent == 0 ? nil : parent,
            level: DivisionLevel(rawValue: levelText) ?? .estate, name: try row.decode(column: "name", as: String.self))
    }
}
