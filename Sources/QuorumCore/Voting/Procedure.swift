/// The calendar of a vote (RULES.md §4): how long a notice must stand before the vote opens,
/// and when the list of owners who have not voted may be seen. Days are the estate's local
/// days (UTC+8 by default); the day an event happens does not count in a period that
/// follows it (Civil Code Art. 201), and a period ends at 24:00 of its last day (Art. 203).
public enum Procedure {
    /// Full days a notice must stand before the vote opens (物业管理条例 Art. 14).
    public static let noticeDays: Int64 = 15
    /// The non-voter list may be seen in this many last days before the deadline.
    public static let nonVoterListDays: Int64 = 3

    static let day: Int64 = 86_400_000

    /// The first instant the vote may open after a notice published at `noticedAt`: 00:00 on
    /// the 16th local day after the notice's day. A notice of 1 March (any hour) lets the vote
    /// open on 17 March at 00:00: 2 to 16 March are the 15 full days.
    public static func earliestOpening(noticedAt: Timestamp, offsetMinutes: Int = Timestamp.defaultOffsetMinutes) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: startOfLocalDay(noticedAt, offsetMinutes: offsetMinutes) + (noticeDays + 1) * day)
    }

    /// From when the list of non-voters may be seen: 00:00 of the third-last local day before
    /// the deadline. A vote ending at 24:00 on 20 March (closing 21 March 00:00) shows it from
    /// 18 March 00:00: the 18th, 19th and 20th are the last three days.
    public static func nonVoterListOpens(closesAt: Timestamp, offsetMinutes: Int = Timestamp.defaultOffsetMinutes) -> Timestamp {
        let lastInstant = Timestamp(millisecondsSinceEpoch: closesAt.millisecondsSinceEpoch - 1)
        return Timestamp(
            millisecondsSinceEpoch: startOfLocalDay(lastInstant, offsetMinutes: offsetMinutes) - (nonVoterListDays - 1) * day)
    }

    /// The instant of 00:00 local time on the day `time` falls in, in milliseconds.
    public static func startOfLocalDay(_ time: Timestamp, offsetMinutes: Int = Timestamp.defaultOffsetMinutes) -> Int64 {
        let offset = Int64(offsetMinutes) * 60_000
        let local = time.millisecondsSinceEpoch + offset
        let days = local >= 0 ? local / day : (local - day + 1) / day
        return days * day - offset
    }

    /// When a preliminary result published at `publishedAt` with an objection period of
    /// `days` full days becomes final: 24:00 of the period's last local day.
    public static func objectionEnds(publishedAt: Timestamp, days: Int, offsetMinutes: Int = Timestamp.defaultOffsetMinutes) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: startOfLocalDay(publishedAt, offsetMinutes: offsetMinutes) + (Int64(days) + 1) * day)
    }
}
