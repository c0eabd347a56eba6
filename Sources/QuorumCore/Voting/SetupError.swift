/// Why setting a vote up was refused.
public enum SetupError: Error, Hashable, Sendable {
    case notDraft
    /// The vote would open before the notice has stood 15 full days.
    case noticeTooShort(earliestOpening: Timestamp)
    case windowInvalid
    case definition([InputError])
    case noMatters
    case noRegister
    /// The notice needs `VoteDuty.minimumClerks` named clerks: this many are.
    case tooFewClerks(Int)
    /// Not an account that may be named for the duty: of another role or estate, or disabled,
    /// or named for the other duty of the vote.
    case notEligible(VoteDuty)
    /// A replacement names someone not serving the vote, or no written reason.
    case notServing
    case noReason
    /// The vote is counted: nobody is named or replaced any more.
    case counted
}

/// Why a result cannot be published.
public enum ResultError: Error, Hashable, Sendable {
    case notCounted
    case alreadyPublished
    case objectionPeriod(until: Timestamp)
    case notPreliminary
    /// The final result waits for an answer to each objection (RULES.md §6): this many are open.
    case objectionsOpen(Int)
    /// A file naming units or owners, asked for before the count (`VoteFile`).
    case sealedUntilCounted(VoteFile)
}
