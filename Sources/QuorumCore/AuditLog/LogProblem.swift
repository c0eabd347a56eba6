/// The first thing wrong with a log: where it is and why (`quorum verify` says it).
public struct LogProblem: Error, Hashable, Sendable {
    public enum Place: Hashable, Sendable {
        /// The export's first line.
        case header
        /// The entry at this index (where the log should hold it).
        case entry(Int)
        /// The `number`th signed head (from 1), of a tree of `size` entries.
        case head(number: Int, size: Int)
        /// A line of the exported log that is neither entry nor head.
        case line(Int)
        /// A row of the exported ballots.
        case ballotRow(line: Int)
        /// The head copied from a notice (`--head`), of `size` entries.
        case copiedHead(size: Int)
    }

    public enum Reason: Hashable, Sendable {
        case notALog
        case otherKey(expected: String, found: String)
        /// The line is not canonical JSON, or not an entry of a kind this version knows.
        case unreadable(line: Int)
        /// Where entry `index` should be, the log holds the entry that says it is `found`.
        case outOfPlace(found: Int)
        /// The stored leaf hash is not the hash of the stored entry.
        case leafMismatch
        case badSignature
        case otherLog(String)
        /// The head is not larger than the one before it.
        case notGrowing(previous: Int)
        case timeGoesBack
        /// The head's root is not the root of the entries: one of `entries` was changed.
        case rootMismatch(entries: Range<Int>)
        /// The head signs more entries than come before it: entry `present` is missing.
        case beyondEntries(present: Int)
        case inconsistent(previous: Int)
        /// A conflict entry names entries that are not earlier ballots of its voter.
        case badConflict
        /// No ballot entry of the log is this row's.
        case noSuchBallot(index: Int)
        /// The row's ballot differs from the entry's: which field.
        case ballotDiffers(index: Int, field: String)
        /// The row's ballot entry was set aside by a conflict entry: it does not count.
        case setAside(index: Int)
        /// A ballot entry of the vote that no counted ballot row carries.
        case uncounted
        case ballotsUnreadable(String)
        /// The log has only `present` entries: fewer than the copied head's.
        case copiedBeyondLog(present: Int)
        /// The consistency proof from the copied head to the log's tree of `head` entries fails:
        /// the log's first entries are not those the copy was taken of (or the copy is wrong).
        case copiedInconsistent(head: Int)
    }

    public var place: Place
    public var reason: Reason

    public init(_ place: Place, _ reason: Reason) {
        self.place = place
        self.reason = reason
    }
}
