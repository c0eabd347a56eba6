/// A level of the administrative hierarchy (Qingdao's model), from the city down to the
/// entrance of a building. One installation can serve one estate or a whole city; every
/// permission check asks whether one division lies under another.
public enum DivisionLevel: String, BilingualValue, Comparable {
    case city, district, street, community, estate, building, entrance

    /// A level of government: a city, district or street office covers what lies below it.
    public var isAdministrative: Bool { self == .city || self == .district || self == .street }

    public var chinese: String {
        switch self {
        case .city: "市"
        case .district: "区"
        case .street: "街道"
        case .community: "社区"
        case .estate: "小区"
        case .building: "楼栋"
        case .entrance: "单元"
        }
    }

    /// Higher levels come first: a city is less than a district.
    public static func < (lhs: DivisionLevel, rhs: DivisionLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Names an estate (小区) by its own name and, where needed to tell it apart, the names of
/// divisions above it: `--street 八大峡街道 --estate 天汇广场`.
public struct EstatePath: Hashable, Sendable, CustomStringConvertible {
    public struct Step: Hashable, Sendable {
        public var level: DivisionLevel
        public var name: String

        public init(level: DivisionLevel, name: String) {
            self.level = level
            self.name = name
        }
    }

    /// The named divisions from the top down, the estate last. Levels not given are skipped.
    public let steps: [Step]

    /// Names are trimmed; empty ones count as not given.
    public init(
        city: String? = nil, district: String? = nil, street: String? = nil, community: String? = nil,
        estate: String
    ) {
        let given: [(DivisionLevel, String?)] = [
            (.city, city), (.district, district), (.street, street), (.community, community), (.estate, estate),
        ]
        steps = given.compactMap { level, name in
            guard let name = name?.trimmed(), !name.isEmpty else { return nil }
            return Step(level: level, name: name)
        }
    }

    /// False when the estate's own name is empty.
    public var namesAnEstate: Bool { steps.last?.level == .estate }

    /// `八大峡街道 / 天汇广场`
    public var description: String { steps.map(\.name).joined(separator: " / ") }
}
