/// What an estate's rules of procedure (议事规则) decide for its votes, with RULES.md's
/// defaults. The store keeps them per estate with their history (each change logged with who
/// made it and the vote or document that decided it); a vote copies them when its notice is
/// published and keeps them, whatever changes later.
public struct EstateSettings: Sendable, Hashable {
    /// Full local days owners may object to a preliminary result (RULES.md §6).
    public var objectionDays = 7
    /// Full local days each desk has to answer an objection before it passes on (§6).
    public var answerDays = TicketKind.objection.defaultAnswerDays
    /// Local days after the deadline within which the paper entry must be complete (§3).
    public var countingDays = 3
    /// Whether an owner may change an online ballot before the deadline (§3; default no).
    public var ballotChange = false
    /// Silent majority (沉默从众, §4): lawful only where the rules of procedure say so.
    public var silentMajority = false
    /// The most voting persons one proxy may hold (§11); nil: no cap.
    public var proxyCap: Int?

    public init() {}

    /// One setting: its name in the JSON, the log and the form.
    public enum Key: String, CaseIterable, Sendable {
        case objectionDays = "objection_days"
        case answerDays = "answer_days"
        case countingDays = "counting_days"
        case ballotChange = "ballot_change"
        case silentMajority = "silent_majority"
        case proxyCap = "proxy_cap"

        /// The values a number may take; nil for a yes/no setting.
        public var range: ClosedRange<Int>? {
            switch self {
            case .objectionDays: 0...60
            case .answerDays: 1...60
            case .countingDays: 1...15
            case .proxyCap: 1...10_000
            case .ballotChange, .silentMajority: nil
            }
        }
    }

    /// A setting's value as a number: days, a cap (nil: none), or 1 and 0 for yes and no.
    public subscript(key: Key) -> Int? {
        get {
            switch key {
            case .objectionDays: objectionDays
            case .answerDays: answerDays
            case .countingDays: countingDays
            case .ballotChange: ballotChange ? 1 : 0
            case .silentMajority: silentMajority ? 1 : 0
            case .proxyCap: proxyCap
            }
        }
        set {
            switch key {
            case .objectionDays: objectionDays = newValue ?? objectionDays
            case .answerDays: answerDays = newValue ?? answerDays
            case .countingDays: countingDays = newValue ?? countingDays
            case .ballotChange: ballotChange = newValue == 1
            case .silentMajority: silentMajority = newValue == 1
            case .proxyCap: proxyCap = newValue
            }
        }
    }

    /// The settings, or the first that is out of its range.
    public func checked() throws(SettingsError) -> EstateSettings {
        for key in Key.allCases {
            if let range = key.range, let value = self[key], !range.contains(value) { throw .outOfRange(key, range) }
        }
        return self
    }

    /// The settings that differ from `other`.
    public func changes(from other: EstateSettings) -> [Key] { Key.allCases.filter { self[$0] != other[$0] } }

    /// The JSON the store and the log keep: every key that has a value (no cap: none).
    public var json: JSONText { .object(Key.allCases.compactMap { key in self[key].map { (key.rawValue, .int($0)) } }) }

    /// Settings read from their JSON; nil unless it is exactly what `json` writes for them.
    public init?(json value: JSONText?) {
        guard let value else { return nil }
        for key in Key.allCases { self[key] = value[key.rawValue]?.intValue ?? (key == .proxyCap ? nil : self[key]) }
        guard json.canonical == value.canonical else { return nil }
    }
}

/// Why a change of the settings is refused.
public enum SettingsError: Error, Hashable, Sendable {
    case outOfRange(EstateSettings.Key, ClosedRange<Int>)
    /// Nothing would change.
    case unchanged
    /// A change needs what decided it: a vote of the estate with a final result, or a document.
    case basisMissing
    /// The vote named is not one of this estate's with a final result.
    case basisNotFinal
}
