import QuorumCore
import SQLKit

extension RegisterStore {
    /// Every estate of the installation, by name.
    public func estates() async throws -> [Division] {
        try await withConnection { db in
            try await db.raw(
                "SELECT id, parent_id, level, name FROM divisions WHERE level = \(bind: DivisionLevel.estate.rawValue) ORDER BY name, id"
            ).all().map(Self.division(from:))
        }
    }

    /// The estate with this id (nil if there is none, or the division is not an estate).
    public func estate(_ id: Int64) async throws -> Division? {
        try await division(id).flatMap { $0.level == .estate ? $0 : nil }
    }

    /// Any division by its id.
    public func division(_ id: Int64) async throws -> Division? {
        try await withConnection { db in
            try await db.raw("SELECT id, parent_id, level, name FROM divisions WHERE id = \(bind: id)").first().map(Self.division(from:))
        }
    }

    /// Every division of every level, by level and name.
    public func allDivisions() async throws -> [Division] {
        try await withConnection { db in
            try await db.raw("SELECT id, parent_id, level, name FROM divisions ORDER BY level, name, id").all().map(Self.division(from:))
        }
    }
}
