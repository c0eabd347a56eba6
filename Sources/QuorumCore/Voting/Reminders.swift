/// A round of reminder texts to the owners who have not voted, as the audit log records it:
/// when, by whom, how many (never to which phones).
public struct ReminderRound: Sendable, Hashable {
    public var time: Timestamp
    public var actor: String
    public var count: Int

    public init(time: Timestamp, actor: String, count: Int) {
        self.time = time
        self.actor = actor
        self.count = count
    }
}

/// Reminders are a mass action: hundreds of texts in one click. Within `quietHours` of the
/// last round a new one goes out only when the organiser says it is meant, so a double click
/// or a second organiser does not text every owner twice (issue 13, item 11). The rule
/// speaks in hours, not days: it guards a click, not a legal period.
public enum ReminderRule {
    public static let quietHours: Int64 = 6

    /// Until when a round sent at `last` needs `again` to be repeated.
    public static func quietUntil(_ last: ReminderRound) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: last.time.millisecondsSinceEpoch + quietHours * 3_600_000)
    }

    /// Whether a round may go out at `now`, after `last`, while the vote is `open`.
    public static func check(last: ReminderRound?, at now: Timestamp, open: Bool, again: Bool) throws(ReminderError) {
        guard open else { throw .closed }
        if let last, !again, now < quietUntil(last) { throw .sentRecently(last) }
    }
}

/// Why reminders are not sent now.
public enum ReminderError: Error, Hashable, Sendable {
    /// The vote is not open.
    case closed
    /// A round went out within the quiet hours, and the new one did not say it is meant.
    case sentRecently(ReminderRound)
}
