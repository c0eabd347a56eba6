/// Days as the law counts them (RULES.md §4), the one place every deadline counts its days:
/// the estate's local days (UTC+8 by default); the day an event happens does not count in a
/// period that follows it (Civil Code Art. 201), and a period ends at 24:00 of its last day
/// (Art. 203). So `n` full days after an event end at `end(ofDay: n, after: event)`.
public struct LocalDays: Sendable, Hashable {
    public var offsetMinutes: Int

    public init(offsetMinutes: Int = Timestamp.defaultOffsetMinutes) {
        self.offsetMinutes = offsetMinutes
    }

    static let length: Int64 = 86_400_000

    /// 00:00 local time of the day `time` falls in.
    public func start(of time: Timestamp) -> Timestamp {
        let offset = Int64(offsetMinutes) * 60_000
        let local = time.millisecondsSinceEpoch + offset
        let days = local >= 0 ? local / Self.length : (local - Self.length + 1) / Self.length
        return Timestamp(millisecondsSinceEpoch: days * Self.length - offset)
    }

    /// 00:00 of the local day `days` after the day `time` falls in (before it, when negative).
    public func start(ofDay days: Int, after time: Timestamp) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: start(of: time).millisecondsSinceEpoch + Int64(days) * Self.length)
    }

    /// 24:00 of the `n`th local day after the day `time` falls in: the end of a period of `n`
    /// full days that follows an event at `time` (a notice of 1 March (any hour) and 15 days:
    /// 24:00 on 16 March, that is 17 March 00:00).
    public func end(ofDay n: Int, after time: Timestamp) -> Timestamp {
        start(ofDay: n + 1, after: time)
    }
}
