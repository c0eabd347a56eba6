import Foundation

/// The verdict on a matter (表决结果), and when it fails, why: what the result notice
/// (表决结果公告, RULES.md §6) states for each matter. The web says each reason in words.
public enum Verdict: Hashable, Sendable {
    case passed
    /// An election: the candidates elected, ranked (heads, then area).
    case elected([String])
    /// Every rule of Art. 278 the matter missed, participation first.
    case failed([Shortfall])
}

/// One rule of Art. 278 a matter missed (RULES.md §1).
public enum Shortfall: Hashable, Sendable {
    /// Those who took part hold less than 2/3 of the total area.
    case participationArea
    /// Those who took part are fewer than 2/3 of the owners.
    case participationHeads
    /// Those agreeing hold not more than half (ordinary) or less than 3/4 (special) of the participating area.
    case approvalArea(Threshold)
    case approvalHeads(Threshold)
    /// An election in which no candidate passed.
    case noneElected
}

extension TallyResult {
    /// The verdict on `matter` (one of `matters`), from its counts by the rules of `Art278`.
    public func verdict(_ matter: MatterResult) -> Verdict {
        let participation = Art278.participationShortfalls(participating: matter.participating, total: totals)
        guard participation.isEmpty else { return .failed(participation) }
        switch matter.outcome {
        case .resolution(let agree, _, _, _, _):
            let approval = Art278.approvalShortfalls(agreeing: agree, participating: matter.participating, threshold: matter.threshold)
            return approval.isEmpty ? .passed : .failed(approval)
        case .election(_, let elected):
            return elected.isEmpty ? .failed([.noneElected]) : .elected(elected)
        }
    }

    /// Reads `tally.json` as FORMATS.md lays it out (the inverse of `json`): the stored count,
    /// for pages that show its outcome without recounting. Nil if it is not one. Conflicts are
    /// not in the file.
    public init?(tallyJSON text: String) {
        guard let raw = try? JSONDecoder().decode(RawTally.self, from: Data(text.utf8)) else { return nil }
        func weight(_ w: RawTally.RawWeight) -> Weight? {
            // Exactly as `Area.description` writes it: digits, a point, two digits (0.00 too).
            let parts = w.area.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 2, let whole = Int64(parts[0]), whole >= 0, let cents = Int64(parts[1]), cents >= 0 else {
                return nil
            }
            return Weight(area: Area(centiSquareMetres: whole * 100 + cents), heads: w.heads)
        }
        var matters: [MatterResult] = []
        for m in raw.matters {
            guard let threshold = Threshold(rawValue: m.threshold), let participating = weight(m.participating) else { return nil }
            let outcome: MatterResult.Outcome
            if let candidates = m.candidates {
                let read = candidates.compactMap { c in weight(c.votes).map { CandidateResult(id: c.id, votes: $0, passed: c.passed) } }
                guard read.count == candidates.count else { return nil }
                outcome = .election(candidates: read, elected: m.elected ?? [])
            } else if let agree = m.agree.flatMap(weight), let oppose = m.oppose.flatMap(weight), let abstain = m.abstain.flatMap(weight),
                let invalid = m.invalid.flatMap(weight), let passed = m.passed
            {
                outcome = .resolution(agree: agree, oppose: oppose, abstain: abstain, invalid: invalid, passed: passed)
            } else {
                return nil
            }
            matters.append(
                MatterResult(
                    id: m.id, item: m.item, threshold: threshold, participating: participating, silent: m.silent.flatMap(weight),
                    participationMet: m.participationMet, outcome: outcome))
        }
        guard let totals = weight(raw.totals) else { return nil }
        self.init(vote: raw.vote, totals: totals, matters: matters, conflicts: [])
    }
}

/// tally.json's shape, as decoded.
private struct RawTally: Decodable {
    struct RawWeight: Decodable {
        var area: String
        var heads: Int
    }
    struct RawCandidate: Decodable {
        var id: String
        var votes: RawWeight
        var passed: Bool
    }
    struct RawMatter: Decodable {
        var id: String
        var item: Int
        var threshold: String
        var participating: RawWeight
        var silent: RawWeight?
        var participationMet: Bool
        var agree, oppose, abstain, invalid: RawWeight?
        var passed: Bool?
        var candidates: [RawCandidate]?
        var elected: [String]?

        enum CodingKeys: String, CodingKey {
            case id, item, threshold, participating, silent, agree, oppose, abstain, invalid, passed, candidates, elected
            case participationMet = "participation_met"
        }
    }
    var vote: String
    var totals: RawWeight
    var matters: [RawMatter]
}
