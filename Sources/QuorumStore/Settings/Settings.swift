import QuorumCore
import SQLKit

/// A revision of an estate's settings: what they became, when, who recorded it, and what
/// decided it (RULES.md: the rules of procedure decide them).
public struct SettingsRevision: Sendable, Hashable {
    /// From 1; the defaults are revision 0 and have no row.
    public var number: Int
    public var settings: EstateSettings
    public var changedAt: Timestamp
    /// The staff account that recorded the change.
    public var changedBy: String
    /// The estate's vote whose final result decided it; empty when a document did.
    public var decidedBy: String
    /// The document that decided it, attached to the revision's subject.
    public var documents: [AttachedDocument]
}

/// What decided a change of the settings.
public enum SettingsBasis: Sendable {
    /// A vote of the estate with a final result (an item 1 vote on the rules of procedure).
    case vote(String)
    /// The rules of procedure as adopted, or another decision, as a PDF or an image.
    case document(name: String, bytes: [UInt8])
}

extension SettingsStore {
    /// A revision as the subject of its document and log entry.
    public static func subject(estate: Int64, revision: Int) -> Subject { Subject(estate: estate, kind: "settings", id: String(revision)) }

    /// The estate's settings now, and their revision (0: the defaults).
    public func current(of estate: Int64) async throws -> (settings: EstateSettings, revision: Int) {
        try await withConnection { try await current(of: estate, on: $0) }
    }

    func current(of estate: Int64, on db: any SQLDatabase) async throws -> (settings: EstateSettings, revision: Int) {
        let row = try await db.raw(
            "SELECT revision, settings FROM estate_settings WHERE estate_id = \(bind: estate) ORDER BY revision DESC LIMIT 1"
        ).first()
        guard let row else { return (EstateSettings(), 0) }
        return (try Self.settings(row), try row.decode(column: "revision", as: Int.self))
    }

    /// Every revision of the estate's settings, the latest first.
    public func history(of estate: Int64) async throws -> [SettingsRevision] {
        try await withConnection { db in
            var revisions: [SettingsRevision] = []
            for row in try await db.raw("SELECT * FROM estate_settings WHERE estate_id = \(bind: estate) ORDER BY revision DESC").all() {
                let number = try row.decode(column: "revision", as: Int.self)
                revisions.append(
                    SettingsRevision(
                        number: number, settings: try Self.settings(row),
                        changedAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "changed_at", as: Int64.self)),
                        changedBy: try row.decode(column: "changed_by", as: String.self),
                        decidedBy: try row.decode(column: "decided_by", as: String.self),
                        documents: try await documents.list(of: Self.subject(estate: estate, revision: number), on: db)))
            }
            return revisions
        }
    }

    /// Records a change of the estate's settings, decided by `basis`, as the next revision,
    /// with its audit-log entry in the same transaction. Votes already announced keep theirs.
    @discardableResult
    public func change(estate: Int64, to new: EstateSettings, basis: SettingsBasis, actor: String) async throws -> SettingsRevision {
        let settings = try new.checked()
        return try await writing { db in
            let (old, last) = try await current(of: estate, on: db)
            guard !settings.changes(from: old).isEmpty else { throw SettingsError.unchanged }
            let number = last + 1
            let subject = Self.subject(estate: estate, revision: number)
            var decidedBy = ""
            var attached: [AttachedDocument] = []
            switch basis {
            case .vote(let id):
                let final = try await db.raw(
                    "SELECT id FROM votes WHERE id = \(bind: id) AND estate_id = \(bind: estate) AND final_at IS NOT NULL"
                ).first()
                guard final != nil else { throw SettingsError.basisNotFinal }
                decidedBy = id
            case .document(let name, let bytes):
                attached = [try await documents.attach(try DocumentFile(bytes), named: name, to: subject, by: actor, on: db)]
            }
            let now = clock()
            try await db.raw(
                """
                INSERT INTO estate_settings (estate_id, revision, settings, changed_at, changed_by, decided_by) VALUES (\(bind: estate),
                \(bind: number), \(bind: settings.json.canonical), \(bind: now.millisecondsSinceEpoch), \(bind: actor), \(bind: decidedBy))
                """
            ).run()
            let event = AuditEvent.settingsChanged(
                estate: estate, revision: number, settings: settings, decidedBy: decidedBy,
                documents: attached.map { LogDocument(name: $0.name, sha256: $0.sha256) }, actor: actor)
            _ = try await log.appendAndSign([LogEntry(vote: "", time: now, event: event)], subject: subject, on: db)
            return SettingsRevision(
                number: number, settings: settings, changedAt: now, changedBy: actor, decidedBy: decidedBy, documents: attached)
        }
    }

    private static func settings(_ row: any SQLRow) throws -> EstateSettings {
        EstateSettings(json: CanonicalJSONReader.parse(try row.decode(column: "settings", as: String.self))) ?? EstateSettings()
    }
}
