/// The calendar of a vote (RULES.md §4), the one type every ring asks: the voting window, the
/// notice before it, when the room lists may be seen, the objection period after the result,
/// and the phase a vote is in. Days count as `LocalDays` counts them.
public struct VoteCalendar: Sendable, Hashable {
    /// Full days a notice must stand before the vote opens (物业管理条例 Art. 14).
    public static let noticeDays = 15
    /// The not-voted list may be seen in this many last days before the deadline.
    public static let notVotedListDays = 3

    public var opensAt: Timestamp
    public var closesAt: Timestamp
    /// Full days owners may object to a preliminary result before it becomes final.
    public var objectionDays: Int
    /// Local days after the deadline within which the paper entry must be declared complete
    /// (RULES.md §3; default 3).
    public var countingDays: Int
    public var days: LocalDays

    public init(opensAt: Timestamp, closesAt: Timestamp, objectionDays: Int = 7, countingDays: Int = 3, days: LocalDays = LocalDays()) {
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.objectionDays = objectionDays
        self.countingDays = countingDays
        self.days = days
    }

    /// Where the voting window stands at an instant.
    public enum Window: Sendable, Hashable {
        case notOpenYet, open, closed
    }

    /// The window includes its opening instant and excludes its closing one (RULES.md §3: the
    /// server's receipt time decides).
    public func window(at time: Timestamp) -> Window {
        time < opensAt ? .notOpenYet : (time < closesAt ? .open : .closed)
    }

    /// Whether a ballot received at `time` is in time.
    public func isOpen(at time: Timestamp) -> Bool { window(at: time) == .open }

    /// The window of a vote that may have been counted: once counted, a vote stays closed to
    /// every channel whatever the clock says (a clock set back, a demo restarted).
    public func window(at time: Timestamp, counted: Bool) -> Window { counted ? .closed : window(at: time) }

    /// The first instant a vote may open after a notice published at `noticedAt`: when its 15
    /// full days are over. A notice of 1 March (any hour) lets the vote open on 17 March at
    /// 00:00: 2 to 16 March are the 15 full days.
    public static func earliestOpening(noticedAt: Timestamp, days: LocalDays = LocalDays()) -> Timestamp {
        days.end(ofDay: noticeDays, after: noticedAt)
    }

    /// 00:00 of the first of the last three local days before the deadline.
    public var thirdLastDay: Timestamp {
        let lastInstant = Timestamp(millisecondsSinceEpoch: closesAt.millisecondsSinceEpoch - 1)
        return days.start(ofDay: -(Self.notVotedListDays - 1), after: lastInstant)
    }

    /// Whether a room list may be seen at `time`, or why not: the unbound list from the
    /// opening, the not-voted list from 00:00 of the third-last local day before the deadline
    /// (a vote ending at 24:00 on 20 March shows it from 18 March 00:00), never before the
    /// opening; neither after the close.
    public func checkList(_ list: NonVoterList, at time: Timestamp) throws(ListError) {
        let from = list == .unbound ? opensAt : max(opensAt, thirdLastDay)
        guard time >= from else { throw .notYet(from: from) }
        guard time < closesAt else { throw .closed }
    }

    /// When a preliminary result published at `publishedAt` becomes final: 24:00 of the
    /// objection period's last local day.
    public func objectionEnds(publishedAt: Timestamp) -> Timestamp {
        days.end(ofDay: objectionDays, after: publishedAt)
    }

    /// Where a vote stands at `time`, from its window and what has been done with it.
    public func phase(at time: Timestamp, isDraft: Bool, counted: Bool, preliminary: Bool, final: Bool) -> VotePhase {
        if isDraft { return .draft }
        switch window(at: time, counted: counted || preliminary || final) {
        case .notOpenYet: return .noticed
        case .open: return .open
        case .closed: return final ? .final : preliminary ? .preliminary : counted ? .counted : .closed
        }
    }
}

/// The stages of a vote, in order.
public enum VotePhase: String, Sendable, Hashable, CaseIterable {
    /// Being set up; nothing is published.
    case draft
    /// The notice is out; the vote has not opened.
    case noticed
    case open
    /// Past the deadline, not yet counted.
    case closed
    /// Counted, the result not yet published.
    case counted
    /// Published as preliminary; owners may object.
    case preliminary
    /// Published as final.
    case final
}

/// Why a room list is not available now.
public enum ListError: Error, Hashable, Sendable {
    case notYet(from: Timestamp)
    case closed
}
