#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A candidate in an election (选举), or a property company in a choice among several.
public struct Candidate: Hashable, Sendable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A matter put to the vote (表决事项).
public struct Matter: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Agree, oppose or abstain.
        case resolution
        /// Each candidate decided on its own; a ballot may choose at most `seats`.
        case election(seats: Int, candidates: [Candidate])
    }

    public var id: String
    public var title: String
    /// The Civil Code Art. 278 item, 1-9 (default 9, "other major matters").
    public var item: Int
    public var kind: Kind

    public init(id: String, title: String, item: Int = 9, kind: Kind = .resolution) {
        self.id = id
        self.title = title
        self.item = item
        self.kind = kind
    }

    public var threshold: Threshold { Art278.threshold(forItem: item) }
}

/// The settings of a vote that the estate's rules of procedure (议事规则) decide.
public struct VoteSettings: Hashable, Sendable {
    /// Silent majority (沉默从众): off unless the rules of procedure adopt it.
    public var silentMajority: Bool
    /// Whether parking spaces carry votes. Default: they do not.
    public var parkingVotes: Bool

    public init(silentMajority: Bool = false, parkingVotes: Bool = false) {
        self.silentMajority = silentMajority
        self.parkingVotes = parkingVotes
    }
}

/// Which units a vote is about.
public enum Scope: Hashable, Sendable {
    case wholeCommunity
    /// Only these buildings, as in a vote on one building's elevator.
    case buildings([String])
    /// Only these units (their `unit_id`s): the units that share a cost, as one entrance's
    /// lift (RULES.md §7: the fund is used by a vote of the owners who share the cost).
    case units([String])
}

/// A vote (一次表决): its matters, scope and settings, as `matters.json` gives them.
public struct VoteDefinition: Hashable, Sendable {
    public var name: String
    public var settings: VoteSettings
    public var scope: Scope
    public var matters: [Matter]

    public init(name: String, settings: VoteSettings = .init(), scope: Scope = .wholeCommunity, matters: [Matter]) {
        self.name = name
        self.settings = settings
        self.scope = scope
        self.matters = matters
    }
}

extension VoteDefinition {
    /// Reads `matters.json` (FORMATS.md), reporting every problem with its JSON path.
    public static func read(json bytes: [UInt8], file: String = "matters.json") throws -> VoteDefinition {
        let raw: RawVote
        do {
            raw = try JSONDecoder().decode(RawVote.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw InputErrors([error.inputError(file: file)])
        }
        var errors: [InputError] = []
        func fail(_ path: String, _ problem: InputProblem) {
            errors.append(InputError(file: file, field: path, problem: problem))
        }
        let name = raw.vote ?? ""
        if name.isEmpty { fail("vote", .missingField) }
        var scope = Scope.wholeCommunity
        // A key the format does not know is an error, never read as the whole estate.
        for key in raw.scope?.unknown ?? [] { fail("scope.\(key)", .unknownValue(key, allowed: "buildings, units")) }
        switch (raw.scope?.buildings, raw.scope?.units) {
        case (let buildings?, nil):
            if buildings.isEmpty { fail("scope.buildings", .missingField) }
            scope = .buildings(buildings)
        case (nil, let units?):
            if units.isEmpty { fail("scope.units", .missingField) }
            scope = .units(units)
        case (_?, _?): fail("scope", .unknownValue("buildings + units", allowed: "buildings, units"))
        case (nil, nil): break
        }
        var matters: [Matter] = []
        var matterIDs = Set<String>()
        for (index, rawMatter) in (raw.matters ?? []).enumerated() {
            let path = "matters[\(index)]"
            let id = rawMatter.id ?? ""
            if id.isEmpty {
                fail("\(path).id", .missingField)
            } else if !matterIDs.insert(id).inserted {
                fail("\(path).id", .duplicateID(id))
            }
            let item = rawMatter.item ?? 9
            if !(1...9).contains(item) { fail("\(path).item", .itemOutOfRange(item)) }
            let kind: Matter.Kind
            switch rawMatter.kind ?? "resolution" {
            case "resolution", "决议":
                kind = .resolution
            case "election", "选举":
                var candidates: [Candidate] = []
                var candidateIDs = Set<String>()
                for (position, rawCandidate) in (rawMatter.candidates ?? []).enumerated() {
                    let candidateID = rawCandidate.id ?? ""
                    if candidateID.isEmpty {
                        fail("\(path).candidates[\(position)].id", .missingField)
                    } else if !candidateIDs.insert(candidateID).inserted {
                        fail("\(path).candidates[\(position)].id", .duplicateID(candidateID))
                    }
                    candidates.append(Candidate(id: candidateID, name: rawCandidate.name ?? candidateID))
                }
                let seats = rawMatter.seats ?? 0
                if seats < 1 || candidates.isEmpty {
                    fail("\(path).seats", .seatsOutOfRange(seats, candidates: candidates.count))
                }
                kind = .election(seats: seats, candidates: candidates)
            case let other:
                fail("\(path).kind", .unknownValue(other, allowed: "resolution/决议, election/选举"))
                kind = .resolution
            }
            matters.append(Matter(id: id, title: rawMatter.title ?? "", item: item, kind: kind))
        }
        if matters.isEmpty { fail("matters", .missingField) }
        guard errors.isEmpty else { throw InputErrors(errors) }
        let settings = VoteSettings(
            silentMajority: raw.settings?.silent_majority ?? false,
            parkingVotes: raw.settings?.parking_votes ?? false)
        return VoteDefinition(name: name, settings: settings, scope: scope, matters: matters)
    }
}

extension VoteDefinition {
    /// The vote as `matters.json` (FORMATS.md) writes it; `read(json:)` reads it back.
    public var mattersJSON: String {
        var members: [(String, JSONText)] = [
            ("vote", .string(name)),
            ("settings", .object([("silent_majority", .bool(settings.silentMajority)), ("parking_votes", .bool(settings.parkingVotes))])),
        ]
        switch scope {
        case .wholeCommunity: break
        case .buildings(let names): members.append(("scope", .object([("buildings", .array(names.map { .string($0) }))])))
        case .units(let ids): members.append(("scope", .object([("units", .array(ids.map { .string($0) }))])))
        }
        members.append(
            (
                "matters",
                .array(
                    matters.map { matter in
                        var fields: [(String, JSONText)] = [
                            ("id", .string(matter.id)), ("title", .string(matter.title)), ("item", .int(matter.item)),
                        ]
                        switch matter.kind {
                        case .resolution:
                            fields.append(("kind", .string("resolution")))
                        case .election(let seats, let candidates):
                            fields += [
                                ("kind", .string("election")), ("seats", .int(seats)),
                                ("candidates", .array(candidates.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })),
                            ]
                        }
                        return .object(fields)
                    })
            ))
        return JSONText.object(members).rendered()
    }
}

// The file's shape, every field optional so that what is missing is reported by name.
private struct RawVote: Decodable {
    var vote: String?
    var settings: RawSettings?
    var scope: RawScope?
    var matters: [RawMatter]?
}

// swift-format-ignore: AlwaysUseLowerCamelCase
// (the names of matters.json's fields, FORMATS.md)
private struct RawSettings: Decodable {
    var silent_majority: Bool?
    var parking_votes: Bool?
}

private struct RawScope: Decodable {
    var buildings: [String]?
    var units: [String]?
    /// Keys the format does not have.
    var unknown: [String] = []

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        buildings = try container.decodeIfPresent([String].self, forKey: Key(stringValue: "buildings"))
        units = try container.decodeIfPresent([String].self, forKey: Key(stringValue: "units"))
        unknown = container.allKeys.map(\.stringValue).filter { $0 != "buildings" && $0 != "units" }.sorted()
    }
}

private struct RawMatter: Decodable {
    var id: String?
    var title: String?
    var item: Int?
    var kind: String?
    var seats: Int?
    var candidates: [RawCandidate]?
}

private struct RawCandidate: Decodable {
    var id: String?
    var name: String?
}

extension DecodingError {
    fileprivate func inputError(file: String) -> InputError {
        let context: Context
        switch self {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default: return InputError(file: file, problem: .invalidJSON("\(self)"))
        }
        let path = context.codingPath.map { key in
            key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
        }.joined()
        let trimmedPath = path.hasPrefix(".") ? String(path.dropFirst()) : path
        var detail = context.debugDescription
        if let underlying = context.underlyingError { detail += " (\(underlying))" }
        return InputError(file: file, field: trimmedPath.isEmpty ? nil : trimmedPath, problem: .invalidJSON(detail))
    }
}
