import QuorumCore
import SQLKit

/// An estate's register as it stood at one revision.
///
/// The units and owners are the core's, so the tally counts on them as on a file. The store
/// keeps no ID number or phone in clear, so each owner's `idNumber` is the keyed hash of the
/// number (voting persons are decided by equal numbers, which equal hashes keep) and its
/// `phone` the masked form; `maskedIDNumbers` gives the masked number to show for a hash.
public struct StoredRegister: Sendable {
    public var revision: RegisterRevision
    /// By unit number; each unit's owners by name.
    public var register: Register
    /// `1101**********0011` by keyed hash.
    public var maskedIDNumbers: [String: String]

    /// What a listing shows for an owner's ID number.
    public func maskedIDNumber(of owner: Owner) -> String {
        maskedIDNumbers[owner.idNumber] ?? ""
    }
}

extension RegisterStore {
    /// An estate's register at a revision (the current one if nil); nil if there is no such
    /// revision. Earlier revisions read exactly as they stood, whatever was imported since.
    public func stored(of estate: Int64, at number: Int? = nil) async throws -> StoredRegister? {
        try await withConnection { db in
            let wanted: Int
            if let number {
                wanted = number
            } else {
                wanted =
                    try await db.raw("SELECT register_revision FROM divisions WHERE id = \(bind: estate)")
                    .first(decodingColumn: "register_revision", as: Int.self) ?? 0
            }
            guard let revision = try await Self.revision(estate: estate, number: wanted, on: db) else { return nil }
            let asOf: SQLQueryString =
                "estate_id = \(bind: estate) AND valid_from <= \(bind: wanted) AND (valid_to IS NULL OR valid_to > \(bind: wanted))"
            var owners: [String: [Owner]] = [:]
            var masked: [String: String] = [:]
            for row in try await db.raw(
                """
                SELECT unit_no, name, kind, id_hash, id_masked, phone_masked FROM owners WHERE \(asOf)
                ORDER BY unit_no, name, id_hash
                """
            ).all() {
                let hash = try row.decode(column: "id_hash", as: String.self)
                let phone = try row.decode(column: "phone_masked", as: String.self)
                masked[hash] = try row.decode(column: "id_masked", as: String.self)
                owners[try row.decode(column: "unit_no", as: String.self), default: []].append(
                    Owner(
                        name: try row.decode(column: "name", as: String.self), idNumber: hash,
                        kind: OwnerKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .person,
                        phone: phone.isEmpty ? nil : phone))
            }
            let units = try await db.raw(
                """
                SELECT unit_no, building, entrance, room, area, area_source, unit_use FROM units WHERE \(asOf)
                ORDER BY unit_no
                """
            ).all().map { row in
                let id = try row.decode(column: "unit_no", as: String.self)
                let entrance = try row.decode(column: "entrance", as: String.self)
                return Unit(
                    id: id, building: try row.decode(column: "building", as: String.self),
                    entrance: entrance.isEmpty ? nil : entrance, room: try row.decode(column: "room", as: String.self),
                    area: Area(centiSquareMetres: try row.decode(column: "area", as: Int64.self)),
                    areaSource: AreaSource(rawValue: try row.decode(column: "area_source", as: String.self)) ?? .registered,
                    use: UnitUse(rawValue: try row.decode(column: "unit_use", as: String.self)) ?? .residential,
                    owners: owners[id] ?? [])
            }
            return StoredRegister(revision: revision, register: Register(units: units), maskedIDNumbers: masked)
        }
    }
}
