/// A voting person (按一人计算的业主): the owners of one or more units, counted as one
/// head with the sum of their units' areas (最高法解释 Art. 9).
public struct VotingPerson: Hashable, Sendable {
    /// Positions in `Register.units` of the person's units in the vote's scope.
    public var units: [Int]
    /// The sum of those units' areas, and one head.
    public var weight: Weight
    /// True for the one person formed by all units the developer still holds.
    public var isDeveloper: Bool
}

/// Who may vote in one vote, and with what weight (RULES.md §2).
///
/// The scope is applied first (whole community or listed buildings), then parking is
/// dropped unless the vote counts it; the remaining units are grouped by their exact set
/// of owner ID numbers, and all developer-held units form one group. Totals are the sums
/// over those groups, never a figure typed in.
public struct Electorate: Sendable {
    public let persons: [VotingPerson]
    public let total: Weight
    /// For each unit of the register, the index of its voting person, or -1.
    private let personOfUnit: [Int32]
    /// The register buildings the scope covers, by their names in the register; or the
    /// ids of the units it covers.
    private let buildingsInScope: Set<String>?
    private let unitsInScope: Set<String>?

    /// Why a unit carries no vote in this electorate.
    public enum Exclusion: Sendable, Equatable {
        case outOfScope
        case parking
    }

    public init(register: Register, vote: VoteDefinition, file: String = "matters.json") throws {
        var inScope: Set<String>? = nil
        if case .buildings(let names) = vote.scope {
            var byNormalName: [String: [String]] = [:]
            for building in register.buildings {
                byNormalName[BuildingName.normalized(building), default: []].append(building)
            }
            var errors: [InputError] = []
            var covered = Set<String>()
            for (position, name) in names.enumerated() {
                if let matches = byNormalName[BuildingName.normalized(name)] {
                    covered.formUnion(matches)
                } else {
                    errors.append(InputError(file: file, field: "scope.buildings[\(position)]", problem: .unknownBuilding(name)))
                }
            }
            guard errors.isEmpty else { throw InputErrors(errors) }
            inScope = covered
        }
        buildingsInScope = inScope
        var unitsInScope: Set<String>? = nil
        if case .units(let ids) = vote.scope {
            var errors: [InputError] = []
            var seen = Set<String>()
            for (position, id) in ids.enumerated() {
                if register.index(of: id) == nil {
                    errors.append(InputError(file: file, field: "scope.units[\(position)]", problem: .unknownUnit(id)))
                }
                if !seen.insert(id).inserted { errors.append(InputError(file: file, field: "scope.units[\(position)]", problem: .duplicateID(id))) }
            }
            guard errors.isEmpty else { throw InputErrors(errors) }
            unitsInScope = seen
        }
        self.unitsInScope = unitsInScope

        var persons: [VotingPerson] = []
        var personOfUnit = [Int32](repeating: -1, count: register.units.count)
        var personByOwners: [String: Int32] = [:]
        personByOwners.reserveCapacity(register.units.count)
        persons.reserveCapacity(register.units.count)
        var developer: Int32 = -1
        var total = Weight.zero
        let units = register.units
        for position in units.indices {
            // Read the fields in place: copying a whole unit costs more than the rest of the loop.
            if let inScope, !inScope.contains(units[position].building) { continue }
            if let unitsInScope, !unitsInScope.contains(units[position].id) { continue }
            if units[position].use == .parking && !vote.settings.parkingVotes { continue }
            let isDevelopers = units[position].isDevelopers
            // One lookup per unit: the slot holds the person's index, or -1 the first time.
            var isNew = false
            let next = Int32(persons.count)
            func claim(_ slot: inout Int32) -> Int32 {
                if slot < 0 {
                    slot = next
                    isNew = true
                }
                return slot
            }
            let person =
                isDevelopers ? claim(&developer) : claim(&personByOwners[Self.ownerKey(units[position].owners), default: -1])
            if isNew {
                persons.append(VotingPerson(units: [], weight: Weight(area: .zero, heads: 1), isDeveloper: isDevelopers))
                total.heads += 1
            }
            persons[Int(person)].units.append(position)
            persons[Int(person)].weight.area += units[position].area
            total.area += units[position].area
            personOfUnit[position] = person
        }
        if persons.isEmpty {
            throw InputErrors([InputError(file: file, field: "scope", problem: .noVotingUnitsInScope)])
        }
        self.persons = persons
        self.personOfUnit = personOfUnit
        self.total = total
    }

    /// The voting person a register unit belongs to, or why it has none.
    public func person(ofUnit position: Int) -> Int? {
        let person = personOfUnit[position]
        return person < 0 ? nil : Int(person)
    }

    public func exclusion(of unit: Unit) -> Exclusion {
        if let buildingsInScope, !buildingsInScope.contains(unit.building) { return .outOfScope }
        if let unitsInScope, !unitsInScope.contains(unit.id) { return .outOfScope }
        return .parking
    }

    /// The exact set of owner ID numbers, in one string: the identity of a voting person.
    private static func ownerKey(_ owners: [Owner]) -> String {
        if owners.count == 1 { return owners[0].idNumber }
        return owners.map(\.idNumber).sorted().joined(separator: "\u{1F}")
    }
}

/// Building names as people write them: `7`, `7号楼`, `7栋` and `7幢` are one building.
public enum BuildingName {
    private static let suffixes = ["号楼", "栋", "幢", "座", "号", "楼"]

    public static func normalized(_ name: String) -> String {
        var text = name.trimmed()
        for suffix in suffixes where text.hasSuffix(suffix) && text.count > suffix.count {
            text.removeLast(suffix.count)
            break
        }
        return text.uppercased()
    }
}
