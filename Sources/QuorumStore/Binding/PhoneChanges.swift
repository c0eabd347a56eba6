import QuorumCore
import SQLKit

/// A change of an owner's phone on file, requested or done (`PhoneChangeRule`).
public struct PhoneChange: Sendable, Hashable {
    public var id: String
    public var estateID: Int64
    /// The owner as the desks see them: the name and the masked ID number; the new phone masked.
    public var ownerName: String
    public var idMasked: String
    public var phoneMasked: String
    public var reason: String
    public var requestedBy: String
    public var requestedAt: Timestamp
    public var confirmedBy: String?
    public var confirmedAt: Timestamp?
}

extension BindingStore {
    /// Records a request, made by the owner in person with their ID, to put `phone` on file
    /// for them: nothing changes until another staff member confirms it.
    @discardableResult
    public func requestPhoneChange(estate: Int64, name: String, idNumber: String, phone raw: String, reason raw2: String, actor: String)
        async throws -> PhoneChange
    {
        guard let phone = PhoneChangeRule.phone(raw) else { throw PhoneChangeError.badPhone }
        guard let reason = PhoneChangeRule.reason(raw2) else { throw PhoneChangeError.badReason }
        return try await writing { db in
            let key = try await personalDataKey(on: db, creating: false)
            let idHash = key.hash(idNumber.trimmingCharacters(in: .whitespaces).uppercased())
            let name = name.trimmingCharacters(in: .whitespaces)
            guard
                let idMasked = try await db.raw(
                    """
                    SELECT id_masked FROM owners WHERE estate_id = \(bind: estate) AND id_hash = \(bind: idHash) AND name = \(bind: name)
                    AND valid_to IS NULL
                    """
                ).first(decodingColumn: "id_masked", as: String.self)
            else { throw PhoneChangeError.noSuchOwner }
            let change = PhoneChange(
                id: "P" + randomHex(bytes: 8).uppercased(), estateID: estate, ownerName: name, idMasked: idMasked,
                phoneMasked: Masking.phone(phone), reason: reason, requestedBy: actor, requestedAt: clock())
            try await db.raw(
                """
                INSERT INTO phone_changes (id, estate_id, id_hash, owner_name, id_masked, phone_hash, phone_masked, phone_sealed, reason,
                requested_by, requested_at) VALUES (\(bind: change.id), \(bind: estate), \(bind: idHash), \(bind: name), \(bind: idMasked),
                \(bind: key.hash(phone)), \(bind: change.phoneMasked), \(bind: key.seal(phone)), \(bind: reason), \(bind: actor),
                \(bind: change.requestedAt.millisecondsSinceEpoch))
                """
            ).run()
            return change
        }
    }

    /// Confirms a waiting request of the estate, by someone other than who recorded it: the
    /// owner's current phone on file becomes the new one, their sessions end, and the log
    /// records the change with both names, in one transaction.
    @discardableResult
    public func confirmPhoneChange(_ id: String, estate: Int64, actor: String) async throws -> PhoneChange {
        try await writing { db in
            guard
                let row = try await db.raw(
                    "SELECT * FROM phone_changes WHERE id = \(bind: id) AND estate_id = \(bind: estate) AND confirmed_at IS NULL"
                ).first()
            else { throw PhoneChangeError.noSuchRequest }
            var change = try Self.change(from: row)
            guard change.requestedBy != actor else { throw PhoneChangeError.sameStaff }
            let now = clock()
            let idHash = try row.decode(column: "id_hash", as: String.self)
            try await db.raw(
                """
                UPDATE owners SET phone_hash = \(bind: try row.decode(column: "phone_hash", as: String.self)),
                phone_masked = \(bind: change.phoneMasked), phone_sealed = \(bind: try row.decode(column: "phone_sealed", as: String.self))
                WHERE estate_id = \(bind: estate) AND id_hash = \(bind: idHash) AND valid_to IS NULL
                """
            ).run()
            try await db.raw("UPDATE sessions SET revoked = 1 WHERE estate_id = \(bind: estate) AND id_hash = \(bind: idHash)").run()
            try await db.raw(
                "UPDATE phone_changes SET confirmed_by = \(bind: actor), confirmed_at = \(bind: now.millisecondsSinceEpoch) WHERE id = \(bind: id)"
            ).run()
            _ = try await log.appendAndSign(
                [LogEntry(vote: "", time: now, event: .phoneChanged(change: id, requestedBy: change.requestedBy, actor: actor))],
                subject: Subject(estate: estate, kind: "phone_change", id: id), on: db)
            (change.confirmedBy, change.confirmedAt) = (actor, now)
            return change
        }
    }

    /// The estate's phone changes, the latest first: those waiting and the last done.
    public func phoneChanges(in estate: Int64, limit: Int = 50) async throws -> [PhoneChange] {
        try await withConnection { db in
            try await db.raw(
                "SELECT * FROM phone_changes WHERE estate_id = \(bind: estate) ORDER BY requested_at DESC, id LIMIT \(bind: limit)"
            ).all().map(Self.change(from:))
        }
    }

    static func change(from row: any SQLRow) throws -> PhoneChange {
        PhoneChange(
            id: try row.decode(column: "id", as: String.self), estateID: try row.decode(column: "estate_id", as: Int64.self),
            ownerName: try row.decode(column: "owner_name", as: String.self), idMasked: try row.decode(column: "id_masked", as: String.self),
            phoneMasked: try row.decode(column: "phone_masked", as: String.self), reason: try row.decode(column: "reason", as: String.self),
            requestedBy: try row.decode(column: "requested_by", as: String.self),
            requestedAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "requested_at", as: Int64.self)),
            confirmedBy: try row.decode(column: "confirmed_by", as: String?.self),
            confirmedAt: try row.decode(column: "confirmed_at", as: Int64?.self).map(Timestamp.init(millisecondsSinceEpoch:)))
    }
}
