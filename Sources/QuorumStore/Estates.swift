import QuorumCore
import SQLKit

extension Store {
    /// Every estate of the installation, by name.
    public func estates() async throws -> [Division] {
        try await withConnection { db in
            try await db.raw(
                "SELECT id, parent_id, level, name FROM divisions WHERE level = \(bind: DivisionLevel.estate.rawValue) ORDER BY name, id"
            ).all().map(Self.division(from:))
        }
    }

    public func estate(_ id: Int64) async throws -> Division? {
        try await withConnection { db in
            try await db.raw("SELECT id, parent_id, level, name FROM divisions WHERE id = \(bind: id)").first().map(Self.division(from:))
        }
    }
}
