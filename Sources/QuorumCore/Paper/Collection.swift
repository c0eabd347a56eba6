/// How a paper ballot reached the organiser (RULES.md §3): handed to a named collector at a
/// time, or put in a sealed ballot box, which takes the time the box was sealed. A paper
/// ballot takes effect then, not when a clerk types it in; both clerks enter this record
/// blind, with the marks, so one clerk alone cannot backdate a ballot.
public struct PaperCollection: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Handed to a collector (收票人), named in `by`.
        case hand
        /// From a sealed ballot box (投票箱), named in `by`; `at` is when it was sealed.
        case box
    }

    public var kind: Kind
    /// The collector's name, or the box's label.
    public var by: String
    public var at: Timestamp

    public init(kind: Kind, by: String, at: Timestamp) {
        self.kind = kind
        self.by = by
        self.at = at
    }

    /// Whether a ballot collected then counts, checked at `now`: collected within the voting
    /// window (from the opening, before the deadline), and not in the future.
    public func check(_ calendar: VoteCalendar, now: Timestamp) throws(PaperError) {
        guard !by.isEmpty, by.count <= 100 else { throw .noCollection }
        guard at >= calendar.opensAt else { throw .collectedBeforeOpening(calendar.opensAt) }
        guard at < calendar.closesAt else { throw .collectedLate(calendar.closesAt) }
        guard at <= now else { throw .collectedInFuture }
    }
}

/// What a clerk reads off one paper ballot: its marks and its collection record. Two
/// entries agree when both are the same.
public struct PaperReading: Sendable, Hashable {
    public var choices: BallotChoices
    public var collection: PaperCollection

    public init(choices: BallotChoices, collection: PaperCollection) {
        self.choices = choices
        self.collection = collection
    }
}

/// A part of a paper ballot's reading that two entries can differ in.
public enum PaperField: Hashable, Sendable {
    case collectionKind, collectedBy, collectedAt
    /// A matter's mark, by the matter's id.
    case matter(String)
}

extension PaperReading {
    /// Where this reading and `other` differ, in the order of the form: the collection record,
    /// then the matters of `vote`. Empty when they agree (as `DoubleEntry` compares them).
    public func differences(from other: PaperReading, in vote: VoteDefinition) -> [PaperField] {
        let (mine, theirs) = (collection, other.collection)
        let record: [(Bool, PaperField)] = [
            (mine.kind != theirs.kind, .collectionKind), (mine.by != theirs.by, .collectedBy), (mine.at != theirs.at, .collectedAt),
        ]
        return record.filter(\.0).map(\.1) + vote.matters.filter { choices.marks[$0.id] != other.choices.marks[$0.id] }.map { .matter($0.id) }
    }
}

extension VoteCalendar {
    /// 24:00 of the counting period's last local day after the deadline (RULES.md §3: the
    /// paper entry ends when the organiser declares it complete, at most this many days
    /// later). A deadline at 10:00 on 20 March with 3 days: 24:00 on 23 March; a deadline at
    /// 24:00 on 20 March the same (its last instant is on the 20th).
    public var countingEnds: Timestamp {
        days.end(ofDay: countingDays, after: Timestamp(millisecondsSinceEpoch: closesAt.millisecondsSinceEpoch - 1))
    }

    /// Whether paper ballots may be typed in at `time`: from the opening until the entry is
    /// declared complete or the counting period ends, never once the vote is counted.
    public func paperEntry(at time: Timestamp, completed: Bool, counted: Bool) -> Window {
        if counted || completed { return .closed }
        return time < opensAt ? .notOpenYet : (time < countingEnds ? .open : .closed)
    }
}
