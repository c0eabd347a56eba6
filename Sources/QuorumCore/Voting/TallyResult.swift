/// The count of one option or one candidate.
public typealias Votes = Weight

/// The result of one matter.
public struct MatterResult: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case resolution(agree: Votes, oppose: Votes, abstain: Votes, invalid: Votes, passed: Bool)
        /// Candidates in the order of the notice; `elected` ranked by heads, then area.
        case election(candidates: [CandidateResult], elected: [String])
    }

    public var id: String
    public var item: Int
    public var threshold: Threshold
    /// Everyone who took part: agreeing, opposing, abstaining or spoiled, and under the
    /// silent-majority rule the silent owners whose delivery is recorded.
    public var participating: Weight
    /// The silent owners counted in `participating`, when the rule is on.
    public var silent: Weight?
    public var participationMet: Bool
    public var outcome: Outcome
}

public struct CandidateResult: Hashable, Sendable {
    public var id: String
    public var votes: Votes
    /// Met participation and the ordinary threshold (whether or not a seat was left).
    public var passed: Bool
}

/// A voting person who sent more than one ballot: the first received counts (RULES.md §3),
/// and the organiser is told.
public struct BallotConflict: Hashable, Sendable {
    /// The lines of the counted ballot's first row and of each ignored ballot's first row.
    public var countedLine: Int
    public var countedChannel: Channel
    public var countedAt: Timestamp
    public var ignoredLines: [Int]
}

/// The tally (计票) of a vote: totals of the electorate and the result of every matter.
public struct TallyResult: Hashable, Sendable {
    public var vote: String
    public var totals: Weight
    public var matters: [MatterResult]
    public var conflicts: [BallotConflict]
}
