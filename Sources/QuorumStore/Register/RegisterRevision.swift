import QuorumCore
import SQLKit

/// One version of an estate's register (登记册版本), made by an import that changed it. A
/// vote is counted on the revision that was current when it opened, however the register
/// changes later.
public struct RegisterRevision: Hashable, Sendable {
    public var estateID: Int64
    /// 1 for the first import of the estate, then 2, 3, …
    public var number: Int
    public var createdAt: Timestamp
    public var fileName: String
    /// The SHA-256 of the imported file, as hex: which file made this revision.
    public var fileSHA256: String
    public var rowCount: Int
    public var unitCount: Int
    public var unitsAdded: Int
    public var unitsChanged: Int
    public var unitsRemoved: Int
    /// Units whose owners changed (someone added, removed, or their name, kind or phone).
    public var ownersChanged: Int

    /// `+3 units, 2 changed, −1 removed, owners changed on 4 units; 1200 units in all`, both languages.
    public var summary: String {
        "第 \(number) 版：新增 \(unitsAdded) 套，变更 \(unitsChanged) 套，删除 \(unitsRemoved) 套，业主变更 \(ownersChanged) 套；共 \(unitCount) 套 / "
            + "revision \(number): \(unitsAdded) units added, \(unitsChanged) changed, \(unitsRemoved) removed, "
            + "owners changed on \(ownersChanged); \(unitCount) units in all"
    }
}

extension RegisterStore {
    /// Every revision of an estate's register, oldest first.
    public func revisions(of estate: Int64) async throws -> [RegisterRevision] {
        try await withConnection { db in
            try await db.raw("SELECT * FROM register_revisions WHERE estate_id = \(bind: estate) ORDER BY number")
                .all().map(Self.revision(from:))
        }
    }

    static func revision(estate: Int64, number: Int, on db: any SQLDatabase) async throws -> RegisterRevision? {
        try await db.raw(
            "SELECT * FROM register_revisions WHERE estate_id = \(bind: estate) AND number = \(bind: number)"
        ).first().map(revision(from:))
    }

    static func revision(from row: any SQLRow) throws -> RegisterRevision {
        func int(_ column: String) throws -> Int { try row.decode(column: column, as: Int.self) }
        return RegisterRevision(
            estateID: try row.decode(column: "estate_id", as: Int64.self), number: try int("number"),
            createdAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self)),
            fileName: try row.decode(column: "file_name", as: String.self),
            fileSHA256: try row.decode(column: "file_sha256", as: String.self), rowCount: try int("row_count"),
            unitCount: try int("unit_count"), unitsAdded: try int("units_added"), unitsChanged: try int("units_changed"),
            unitsRemoved: try int("units_removed"), ownersChanged: try int("owners_changed"))
    }
}
