import QuorumCore
import SQLKit

/// An owner as the store keeps them: no ID number or phone in clear.
public struct StoredOwner: Hashable, Sendable {
    public var name: String
    public var kind: OwnerKind
    /// The keyed hash of the ID number: equal for equal numbers, so it decides voting persons.
    public var idHash: String
    /// `1101**********0011`
    public var idMasked: String
    /// `138****5678`, or empty.
    public var phoneMasked: String
}

/// A unit of a stored register, with its owners in this revision.
public struct StoredUnit: Hashable, Sendable {
    public var id: String
    public var building: String
    public var entrance: String?
    public var room: String
    public var area: Area
    public var areaSource: AreaSource
    public var use: UnitUse
    public var owners: [StoredOwner]
}

/// An estate's register as it stood at one revision.
public struct StoredRegister: Sendable {
    public var revision: RegisterRevision
    /// By unit number.
    public var units: [StoredUnit]

    /// The core register the tally counts on. Each owner's `idNumber` is the keyed hash of
    /// the number (voting persons are decided by equal numbers, which equal hashes keep) and
    /// the phone is masked.
    public var register: Register {
        Register(
            units: units.map { unit in
                Unit(
                    id: unit.id, building: unit.building, entrance: unit.entrance, room: unit.room, area: unit.area,
                    areaSource: unit.areaSource, use: unit.use,
                    owners: unit.owners.map {
                        Owner(
                            name: $0.name, idNumber: $0.idHash, kind: $0.kind,
                            phone: $0.phoneMasked.isEmpty ? nil : $0.phoneMasked)
                    })
            })
    }
}

extension Store {
    /// An estate's register at a revision (the current one if nil); nil if there is no such
    /// revision. Earlier revisions read exactly as they stood, whatever was imported since.
    public func register(of estate: Int64, at number: Int? = nil) async throws -> StoredRegister? {
        try await withConnection { db in
            let wanted: Int
            if let number {
                wanted = number
            } else {
                wanted = try await db.raw("SELECT register_revision FROM divisions WHERE id = \(bind: estate)")
                    .first(decodingColumn: "register_revision", as: Int.self) ?? 0
            }
            guard let revision = try await Self.revision(estate: estate, number: wanted, on: db) else { return nil }
            let asOf: SQLQueryString =
                "estate_id = \(bind: estate) AND valid_from <= \(bind: wanted) AND (valid_to IS NULL OR valid_to > \(bind: wanted))"
            var owners: [String: [StoredOwner]] = [:]
            for row in try await db.raw(
                """
                SELECT unit_no, name, kind, id_hash, id_masked, phone_masked FROM owners WHERE \(asOf)
                ORDER BY unit_no, name, id_hash
                """
            ).all() {
                let owner = StoredOwner(
                    name: try row.decode(column: "name", as: String.self),
                    kind: OwnerKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .person,
                    idHash: try row.decode(column: "id_hash", as: String.self),
                    idMasked: try row.decode(column: "id_masked", as: String.self),
                    phoneMasked: try row.decode(column: "phone_masked", as: String.self))
                owners[try row.decode(column: "unit_no", as: String.self), default: []].append(owner)
            }
            let units = try await db.raw(
                """
                SELECT unit_no, building, entrance, room, area, area_source, unit_use FROM units WHERE \(asOf)
                ORDER BY unit_no
                """
            ).all().map { row in
                let id = try row.decode(column: "unit_no", as: String.self)
                let entrance = try row.decode(column: "entrance", as: String.self)
                return StoredUnit(
                    id: id, building: try row.decode(column: "building", as: String.self),
                    entrance: entrance.isEmpty ? nil : entrance, room: try row.decode(column: "room", as: String.self),
                    area: Area(centiSquareMetres: try row.decode(column: "area", as: Int64.self)),
                    areaSource: AreaSource(rawValue: try row.decode(column: "area_source", as: String.self)) ?? .registered,
                    use: UnitUse(rawValue: try row.decode(column: "unit_use", as: String.self)) ?? .residential,
                    owners: owners[id] ?? [])
            }
            return StoredRegister(revision: revision, units: units)
        }
    }
}
