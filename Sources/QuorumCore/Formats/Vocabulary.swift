/// A closed set of values that files may spell in English or in Chinese.
public protocol BilingualValue: CaseIterable, RawRepresentable, Hashable, Sendable where RawValue == String {
    /// The Chinese spelling accepted in files and shown first on pages.
    var chinese: String { get }
}

extension BilingualValue {
    /// Reads the English (any letter case) or Chinese spelling; nil for anything else.
    public static func parse(_ text: String) -> Self? {
        // Exact spellings first: no allocation on the common path of a large file.
        if let exact = allCases.first(where: { $0.rawValue == text || $0.chinese == text }) { return exact }
        let lowered = text.lowercased()
        return allCases.first { $0.rawValue == lowered }
    }

    /// Every accepted spelling, for error messages: `registered/登记, surveyed/实测, …`.
    public static var spellings: String {
        allCases.map { "\($0.rawValue)/\($0.chinese)" }.joined(separator: ", ")
    }
}

/// Where a unit's area figure comes from (最高法解释 Art. 8): the register first, then the
/// survey, then the purchase contract.
public enum AreaSource: String, BilingualValue {
    case registered, surveyed, contract

    public var chinese: String {
        switch self {
        case .registered: "登记"
        case .surveyed: "实测"
        case .contract: "合同"
        }
    }
}

/// What a unit is used for. Parking spaces carry no vote unless the vote counts them.
public enum UnitUse: String, BilingualValue {
    case residential, commercial, parking

    public var chinese: String {
        switch self {
        case .residential: "住宅"
        case .commercial: "商业"
        case .parking: "车位"
        }
    }
}

/// Who an owner is. All units held by developers (建设单位) count as one voting person.
public enum OwnerKind: String, BilingualValue {
    case person, organization, developer

    public var chinese: String {
        switch self {
        case .person: "个人"
        case .organization: "单位"
        case .developer: "建设单位"
        }
    }
}

/// An option of a resolution (决议事项). Abstentions and spoiled ballots (废票) take part
/// but never agree.
public enum Choice: String, BilingualValue {
    case agree, oppose, abstain, invalid

    public var chinese: String {
        switch self {
        case .agree: "同意"
        case .oppose: "反对"
        case .abstain: "弃权"
        case .invalid: "废票"
        }
    }
}

/// How a ballot reached the system.
public enum Channel: String, BilingualValue {
    case online, paper

    public var chinese: String {
        switch self {
        case .online: "线上"
        case .paper: "线下"
        }
    }
}
