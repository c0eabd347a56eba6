/// An owner (业主) as the property register names them.
public struct Owner: Hashable, Sendable {
    public var name: String
    /// ID card, passport, or an organisation's unified credit code (证件号码). The voting
    /// person is decided by this number, never by the name.
    public var idNumber: String
    public var kind: OwnerKind
    public var phone: String?

    public init(name: String, idNumber: String, kind: OwnerKind = .person, phone: String? = nil) {
        self.name = name
        self.idNumber = idNumber
        self.kind = kind
        self.phone = phone
    }
}

/// An exclusive unit (专有部分): a flat, a shop or a parking space, with its owners.
public struct Unit: Hashable, Sendable {
    /// The unique property number (不动产单元号).
    public var id: String
    public var building: String
    public var entrance: String?
    public var room: String
    public var area: Area
    public var areaSource: AreaSource
    public var use: UnitUse
    /// One owner, or several co-owners who hold one vote for the unit between them.
    public var owners: [Owner]

    public init(
        id: String, building: String, entrance: String? = nil, room: String, area: Area,
        areaSource: AreaSource = .registered, use: UnitUse = .residential, owners: [Owner]
    ) {
        self.id = id
        self.building = building
        self.entrance = entrance
        self.room = room
        self.area = area
        self.areaSource = areaSource
        self.use = use
        self.owners = owners
    }

    /// A unit still held by the developer (建设单位): every owner on it is a developer.
    /// All such units together count as one voting person.
    public var isDevelopers: Bool {
        !owners.isEmpty && owners.allSatisfy { $0.kind == .developer }
    }
}

/// The property register (电子投票数据库) of one estate: its units in file order.
public struct Register: Sendable {
    public private(set) var units: [Unit]
    private var indexByID: [String: Int]

    /// A register of units with distinct ids.
    public init(units: [Unit]) {
        self.units = units
        var index: [String: Int] = [:]
        index.reserveCapacity(units.count)
        for (position, unit) in units.enumerated() {
            precondition(index.updateValue(position, forKey: unit.id) == nil, "duplicate unit id \(unit.id)")
        }
        indexByID = index
    }

    /// The position in `units` of the unit with this property number.
    public func index(of unitID: String) -> Int? {
        indexByID[unitID]
    }

    public subscript(unitID: String) -> Unit? {
        indexByID[unitID].map { units[$0] }
    }

    /// Building names as they appear, in first-seen order.
    public var buildings: [String] {
        var seen = Set<String>()
        return units.compactMap { seen.insert($0.building).inserted ? $0.building : nil }
    }
}
