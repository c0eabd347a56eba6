/// Where a paper ballot (纸质表决票) stands in the double entry, and so what an entry did.
public enum PaperState: String, Sendable, Hashable, CaseIterable {
    /// One clerk has typed it in; a second must, blind.
    case entered
    /// Two entries agreed (or a resolution settled them): the ballot counts.
    case confirmed
    /// Two entries disagreed: waiting in the resolution queue.
    case mismatch
    /// Confirmed, but the person's online ballot came first: kept, not counted.
    case conflict
}

/// Why a paper entry was refused.
public enum PaperError: Error, Hashable, Sendable {
    case unknownCode
    /// Only the clerks the committee named for the vote enter its paper ballots (issue 13).
    case notNamedClerk
    case alreadyEnteredByYou
    case finished(PaperState)
    case notMismatch
    case resolverEnteredIt
    case notOpen
    case invalid([BallotProblem])
    /// The collection record is missing (who collected it, or which box) or too long.
    case noCollection
    case collectedBeforeOpening(Timestamp)
    /// Collected at or after the deadline: it does not count (RULES.md §3).
    case collectedLate(Timestamp)
    case collectedInFuture
    /// The paper entry was declared complete (or its counting period is over).
    case entryComplete
    /// The entry cannot be declared complete before the deadline: ballots are still collected.
    case stillCollecting(until: Timestamp)
}

extension PaperError {
    /// Whether the error is about what was typed into the form (the marks, the collection
    /// record), so the form is shown again, rather than about the ballot or the vote.
    public var isAboutTheForm: Bool {
        switch self {
        case .invalid, .noCollection, .collectedBeforeOpening, .collectedLate, .collectedInFuture: true
        default: false
        }
    }
}

/// The two-clerk double entry of paper ballots (RULES.md §3), as a pure rule: who may move a
/// ballot from one state to the next. A first clerk's entry waits for a second, made blind
/// by another clerk; two equal entries accept the ballot, two different ones send it to be
/// resolved by someone who entered neither; an accepted ballot counts unless the person's
/// online ballot came first. The store applies the steps.
public enum DoubleEntry {
    /// What a clerk's entry of a ballot in `state` leads to, given the entries before it:
    /// `entered`, `confirmed` or `mismatch` (`accepted` then tells a conflict).
    public static func enter(
        state: PaperState?, isOpen: Bool, earlier: [(clerk: String, reading: PaperReading)], clerk: String, reading: PaperReading
    ) throws(PaperError) -> PaperState {
        try mayEnter(state: state, isOpen: isOpen, clerks: earlier.map(\.clerk), clerk: clerk)
        guard let first = earlier.first else { return .entered }
        return first.reading == reading ? .confirmed : .mismatch
    }

    /// Whether `clerk` may enter a ballot in `state` that `clerks` have entered: asked before
    /// the form is shown, so a clerk learns before typing a whole ballot that it cannot be entered.
    public static func mayEnter(state: PaperState?, isOpen: Bool, clerks: [String], clerk: String) throws(PaperError) {
        guard isOpen else { throw .notOpen }
        if let state, state != .entered { throw .finished(state) }
        guard !clerks.contains(clerk) else { throw .alreadyEnteredByYou }
    }

    /// Whether `resolver` may settle a ballot in `state` entered by `clerks`.
    public static func resolve(state: PaperState?, isOpen: Bool, clerks: [String], resolver: String) throws(PaperError) {
        guard state == .mismatch else { throw .notMismatch }
        guard !clerks.contains(resolver) else { throw .resolverEnteredIt }
        guard isOpen else { throw .notOpen }
    }

    /// The state of an accepted ballot: confirmed if it is the person's first, else a conflict.
    public static func accepted(first: Bool) -> PaperState { first ? .confirmed : .conflict }

    /// Whether a paper ballot collected at `collected` came before the person's ballot
    /// received at `other` (RULES.md §3: the collection time against the online receipt
    /// time). At the same instant the one already in counts, as `quorum tally` would refuse
    /// to choose.
    public static func comesFirst(collected: Timestamp, before other: Timestamp) -> Bool { collected < other }

    /// The marks a paper ballot counts with: none without the owner's signature (指导规则 Art.
    /// 22, RULES.md §3): an unsigned ballot is spoiled as a whole.
    public static func marks(_ choices: BallotChoices, signed: Bool, vote: VoteDefinition) -> BallotChoices {
        signed ? choices : .spoiled(vote)
    }

    /// The marks a paper ballot may carry, or why not: checked less than online ones (a voter
    /// may tick too many candidates, the count spoils that matter) but every matter needs a
    /// mark (or 废票).
    public static func check(_ choices: BallotChoices, vote: VoteDefinition) throws(PaperError) {
        let problems = vote.problems(with: choices, onPaper: true)
        guard problems.isEmpty else { throw .invalid(problems) }
    }
}

extension BallotChoices {
    /// A whole paper ballot spoiled (废票): every matter marked invalid.
    public static func spoiled(_ vote: VoteDefinition) -> BallotChoices {
        BallotChoices(Dictionary(uniqueKeysWithValues: vote.matters.map { ($0.id, Mark.option(.invalid)) }))
    }

    /// Whether every matter is marked invalid.
    public func isSpoiled(_ vote: VoteDefinition) -> Bool {
        vote.matters.allSatisfy { marks[$0.id] == .option(.invalid) }
    }
}
