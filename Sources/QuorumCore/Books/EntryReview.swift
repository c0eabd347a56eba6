/// Where a ledger entry stands in its review: two people for every entry (RULES.md §7,
/// issue 14): one records, another (the committee) approves.
public enum EntryState: String, Sendable, Hashable, CaseIterable {
    /// Recorded, waiting for the committee (待审核).
    case recorded
    /// Approved: it counts in the balances.
    case approved
    /// Rejected, with a reason: it never counts.
    case rejected
    /// Sent back to the recorder with a question; the recorder resubmits it.
    case needsInformation = "needs_information"
}

/// What a reviewer decides on a recorded entry.
public enum EntryDecision: String, Sendable, Hashable, CaseIterable {
    case approve
    case reject
    /// Send it back to the recorder (needs more information).
    case ask
}

/// Why a ledger operation was refused.
public enum BooksError: Error, Hashable, Sendable {
    case amountNotPositive
    /// Not yuan as `Money.parse` reads them (at most 2 decimals, no sign).
    case badAmount(String)
    case badDate(String)
    /// A text is longer than `BookText.maximumCharacters` or holds a NUL.
    case badText
    /// A category (income, expense) or a reason (rejection, question) is required.
    case textRequired
    /// The one who records an entry never approves, rejects or questions it.
    case recorderMayNotReview
    /// Only the recorder resubmits an entry sent back to them.
    case notTheRecorder
    /// The move needs the entry in another state.
    case notInState(EntryState)
    /// Only an approved entry is reversed, once; a reversal is not reversed again.
    case cannotReverse
    case noSuchEntry
    case noSuchAccount
    case accountExists
    /// The property service fund is kept only under the remuneration or trust model.
    case noServiceFund
    /// The account's opening balance is not approved yet: no statement can follow from it.
    case openingNotApproved
}

/// The review of a ledger entry as a pure rule, as `DoubleEntry` is for paper ballots: who may
/// move an entry from one state to the next. The store applies it; it never re-decides.
public enum EntryReview {
    /// The state after `reviewer` decides on an entry `recorder` recorded: only a recorded
    /// entry, never by its recorder; a rejection or a question carries its reason.
    public static func decide(
        _ decision: EntryDecision, state: EntryState, recorder: String, reviewer: String, reason: String
    ) throws(BooksError) -> EntryState {
        guard state == .recorded else { throw .notInState(state) }
        guard reviewer != recorder else { throw .recorderMayNotReview }
        if decision != .approve { _ = try BookText.check(reason, required: true) }
        return switch decision {
        case .approve: .approved
        case .reject: .rejected
        case .ask: .needsInformation
        }
    }

    /// The state after `actor` resubmits an entry sent back: only its recorder, only then.
    public static func resubmit(state: EntryState, recorder: String, actor: String) throws(BooksError) -> EntryState {
        guard state == .needsInformation else { throw .notInState(state) }
        guard actor == recorder else { throw .notTheRecorder }
        return .recorded
    }

    /// Whether an entry in `state` may be reversed: approved, not itself a reversal, not reversed yet.
    public static func mayReverse(_ entry: LedgerEntry, state: EntryState, reversed: Bool) throws(BooksError) {
        guard state == .approved, entry.corrects == nil, !reversed else { throw .cannotReverse }
    }
}

/// Splitting a sum over units by area (RULES.md §7, Order 165: costs and income per unit by
/// area), so the parts add up to the whole to the fen.
public enum Split {
    /// The largest-remainder method: each part is its exact share rounded down; the fen left
    /// over go one each to the largest remainders, ties to the earlier unit in the register.
    /// `weights` (areas in 0.01 m²) in register order, each > 0; nil when there are none. A
    /// negative total is split as its magnitude, each part negative.
    public static func largestRemainder(_ total: Money, weights: [Int64]) -> [Money]? {
        guard !weights.isEmpty, weights.allSatisfy({ $0 > 0 }) else { return nil }
        let (sum, overflow) = weights.reduce((Int64(0), false)) {
            let next = $0.0.addingReportingOverflow($1)
            return (next.0, $0.1 || next.1)
        }
        guard !overflow, total.fen != .min else { return nil }
        let magnitude = total.fen.magnitude
        var parts: [Int64] = []
        var remainders: [(remainder: UInt64, index: Int)] = []
        for (index, weight) in weights.enumerated() {
            let (quotient, remainder) = UInt64(sum).dividingFullWidth(magnitude.multipliedFullWidth(by: UInt64(weight)))
            parts.append(Int64(quotient))
            remainders.append((remainder, index))
        }
        let left = Int64(magnitude) - parts.reduce(0, +)
        remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
        for item in remainders.prefix(Int(left)) { parts[item.index] += 1 }
        return parts.map { Money(fen: total.fen < 0 ? -$0 : $0) }
    }
}
