/// What one voting person chose on an online ballot, matter by matter.
public struct BallotChoices: Hashable, Sendable {
    public enum Mark: Hashable, Sendable {
        /// 同意, 反对 or 弃权 on a resolution.
        case option(Choice)
        /// The chosen candidates of an election (none is a lawful choice).
        case candidates([String])
    }

    /// Matter id → the mark.
    public var marks: [String: Mark]

    public init(_ marks: [String: Mark]) {
        self.marks = marks
    }

    /// The choice as `ballots.csv` writes it: an option, or candidate ids joined by `;`.
    public func exportText(for matterID: String) -> String? {
        switch marks[matterID] {
        case .option(let choice): choice.rawValue
        case .candidates(let ids): ids.joined(separator: ";")
        case nil: nil
        }
    }
}

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension BallotChoices {
    /// The canonical form: `json` in canonical JSON (matters by id, an option by its English
    /// name, candidates sorted, no white space) — `{"e":["c1","c3"],"m1":"agree"}`. The same
    /// choices always give the same bytes, so a hash of them can be checked by anyone; the
    /// audit log's ballot commitment is taken of exactly these bytes.
    public var canonicalJSON: String { json.canonical }

    /// Reads the canonical form back.
    public init(canonicalJSON text: String) throws {
        let raw = try JSONDecoder().decode([String: RawMark].self, from: Data(text.utf8))
        var marks: [String: Mark] = [:]
        for (id, mark) in raw {
            switch mark {
            case .option(let name):
                guard let choice = Choice(rawValue: name) else { throw InputProblem.choiceNotForResolution(name) }
                marks[id] = .option(choice)
            case .candidates(let ids):
                marks[id] = .candidates(ids)
            }
        }
        self.init(marks)
    }

    private enum RawMark: Decodable {
        case option(String)
        case candidates([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let name = try? container.decode(String.self) {
                self = .option(name)
            } else {
                self = .candidates(try container.decode([String].self))
            }
        }
    }
}

/// Why an online ballot cannot be accepted as it is. The page says it in the owner's words.
public enum BallotProblem: Hashable, Sendable {
    case unanswered(matter: String)
    case tooManyCandidates(matter: String, seats: Int)
    case unknownCandidate(matter: String, candidate: String)
    case candidateChosenTwice(matter: String, candidate: String)
    /// 废票 is for a clerk marking a spoiled paper ballot, never a choice online.
    case notAnOnlineOption(matter: String)
    case unknownMatter(String)
}

/// Why a ballot is refused.
public enum CastError: Error, Hashable, Sendable {
    case notOpenYet(opensAt: Timestamp)
    case closed(closedAt: Timestamp)
    case alreadyVoted(at: Timestamp)
    case notYourBallot
    case invalid([BallotProblem])
    case noSuchVote
    /// The person's paper ballot was received first: this online one is kept, not counted.
    case paperCameFirst(at: Timestamp)
}

extension VoteDefinition {
    /// Every reason the ballot cannot be accepted: each matter must be answered, an election
    /// may choose at most its seats from its own candidates. (A ballot choosing more than
    /// the seats is spoiled on paper; online it is refused, so the owner can correct it.)
    /// `onPaper`: a clerk's entry of a paper ballot, where a matter may be marked spoiled
    /// (废票, `invalid`) and too many candidates may be ticked (the count spoils that matter).
    public func problems(with ballot: BallotChoices, onPaper: Bool = false) -> [BallotProblem] {
        var problems: [BallotProblem] = []
        let known = Set(matters.map(\.id))
        for id in ballot.marks.keys.sorted() where !known.contains(id) { problems.append(.unknownMatter(id)) }
        for matter in matters {
            let title = matter.title.isEmpty ? matter.id : matter.title
            switch (matter.kind, ballot.marks[matter.id]) {
            case (_, nil):
                problems.append(.unanswered(matter: title))
            case (.resolution, .option(let choice)):
                if choice == .invalid && !onPaper { problems.append(.notAnOnlineOption(matter: title)) }
            case (.resolution, .candidates):
                problems.append(.notAnOnlineOption(matter: title))
            case (.election, .option(let choice)):
                if !(onPaper && choice == .invalid) { problems.append(.unanswered(matter: title)) }
            case (.election(let seats, let candidates), .candidates(let chosen)):
                let ids = Set(candidates.map(\.id))
                var seen = Set<String>()
                for candidate in chosen {
                    if !ids.contains(candidate) { problems.append(.unknownCandidate(matter: title, candidate: candidate)) }
                    if !seen.insert(candidate).inserted { problems.append(.candidateChosenTwice(matter: title, candidate: candidate)) }
                }
                if chosen.count > seats && !onPaper { problems.append(.tooManyCandidates(matter: title, seats: seats)) }
            }
        }
        return problems
    }
}
