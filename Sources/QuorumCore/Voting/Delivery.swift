/// How the consultation reached a voting person (指导规则 Art. 22, RULES.md §4 "Delivery").
public enum DeliveryMethod: String, CaseIterable, Sendable, Hashable {
    /// The owner opened the notice on the site.
    case online
    /// Handed over in person (当面送达).
    case hand
    /// By text message, by phone call, by post.
    case text, phone, post
    /// A public posting in the estate stands in where delivery failed.
    case posting

    /// What a staff member records for one voting person, with the day it happened.
    public static let recorded: [DeliveryMethod] = [.hand, .text, .phone, .post]
}

/// Why a delivery record was refused.
public enum DeliveryError: Error, Hashable, Sendable {
    /// Not a date `YYYY-MM-DD`.
    case unreadableDay(String)
    /// Before the day the notice was published, or after today (local days).
    case outsideNotice(day: String, from: String, to: String)
    /// A public posting is recorded with a photo of it.
    case photoMissing
    /// Not a method a staff member records for one person (`DeliveryMethod.recorded`).
    case notRecordable
    /// The vote is counted: its delivery record is what the count read.
    case counted
}

/// The day a delivery is recorded for: a local day from the notice's day to today, and not
/// after the vote's last day (RULES.md §4).
public enum DeliveryRule {
    /// The day `text` (`YYYY-MM-DD`), checked; a day left empty is today.
    public static func day(
        _ text: String, notice: Timestamp, closes: Timestamp, now: Timestamp, days: LocalDays = LocalDays()
    ) throws -> String {
        let last = Timestamp(millisecondsSinceEpoch: min(now.millisecondsSinceEpoch, closes.millisecondsSinceEpoch - 1))
        let today = String(last.localMinute(offsetMinutes: days.offsetMinutes).prefix(10))
        let first = String(notice.localMinute(offsetMinutes: days.offsetMinutes).prefix(10))
        let text = text.isEmpty ? today : text
        guard text.utf8.count == 10, Timestamp.parse(text + " 00:00") != nil else { throw DeliveryError.unreadableDay(text) }
        // Equal-length ISO dates compare as text.
        guard first <= text && text <= today else { throw DeliveryError.outsideNotice(day: text, from: first, to: today) }
        return text
    }
}
