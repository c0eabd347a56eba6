/// The clock of a request that needs an answer by a deadline, as service requests need it
/// (issue 15, item 2), added to the one mechanism of `Ticket` for every user of it: a limit
/// in working minutes or in local days, a calendar of working hours, and pauses that stop
/// the clock. Pure: the deadline is computed from these facts, never set by hand.

/// When the clock runs: around the clock (emergencies), or the estate's working hours on its
/// working days, in the estate's local time (`LocalDays`).
public struct WorkingHours: Sendable, Hashable {
    /// Minutes after local midnight: the clock runs from `opens` to `closes` (0 and 1440:
    /// the whole day).
    public var opens: Int
    public var closes: Int
    /// ISO weekdays the clock runs on: 1 Monday … 7 Sunday.
    public var weekdays: Set<Int>

    public init(opens: Int, closes: Int, weekdays: Set<Int> = Set(1...7)) {
        (self.opens, self.closes, self.weekdays) = (max(0, min(opens, 1440)), max(0, min(closes, 1440)), weekdays)
    }

    public static let aroundTheClock = WorkingHours(opens: 0, closes: 1440)
    /// A property office's day: 08:00 to 18:00, every day of the week.
    public static let office = WorkingHours(opens: 8 * 60, closes: 18 * 60)
}

/// How long a step may take.
public enum StepLimit: Sendable, Hashable {
    /// Minutes of working time (the calendar's hours only): RULES.md §8, "registered within
    /// 5 minutes, someone on site within 40, a small problem solved within 3 hours".
    case minutes(Int)
    /// Full local days after the step starts, ending at 24:00 (RULES.md §4); the calendar
    /// does not shorten them: "a plan within 2 days, a return visit within a week".
    case days(Int)
}

/// A stop of the clock (waiting for parts, the owner not at home), with its reason; `until`
/// nil while it lasts.
public struct ClockPause: Sendable, Hashable {
    public var from: Timestamp
    public var until: Timestamp?
    public var reason: String

    public init(from: Timestamp, until: Timestamp? = nil, reason: String) { (self.from, self.until, self.reason) = (from, until, reason) }
}

public struct ServiceClock: Sendable, Hashable {
    public var hours: WorkingHours
    public var days: LocalDays

    public init(hours: WorkingHours = .aroundTheClock, days: LocalDays = LocalDays()) { (self.hours, self.days) = (hours, days) }

    static let minute: Int64 = 60_000
    /// How far ahead a deadline is looked for: a calendar with no working time has none.
    static let horizonDays = 3660

    /// When a step that started at `start` with `limit` is due, the pauses not counting: a
    /// limit in minutes runs only in working hours outside the pauses; a limit in days ends
    /// at 24:00 of its last day, moved on by the length of every pause that began before it.
    /// Nil while a pause lasts that the deadline has reached (the clock is stopped), or when
    /// the calendar never runs.
    public func due(from start: Timestamp, limit: StepLimit, pauses: [ClockPause]) -> Timestamp? {
        let stops = Self.merged(pauses)
        switch limit {
        case .days(let count):
            var due = days.end(ofDay: max(count, 0), after: start).millisecondsSinceEpoch
            for stop in stops where stop.from < due && stop.until > start.millisecondsSinceEpoch {
                guard stop.until != .max else { return nil }
                due += stop.until - max(stop.from, start.millisecondsSinceEpoch)
            }
            return Timestamp(millisecondsSinceEpoch: due)
        case .minutes(let count):
            var left = Int64(max(count, 0)) * Self.minute
            var at = start.millisecondsSinceEpoch
            if left == 0 { return start }
            for day in 0..<Self.horizonDays {
                for (open, close) in workingSpans(onDay: day, after: start) where close > at {
                    var from = max(open, at)
                    // The span's running time, the pauses cut out of it.
                    for stop in stops where stop.until > from && stop.from < close {
                        if stop.from > from {
                            let run = stop.from - from
                            if run >= left { return Timestamp(millisecondsSinceEpoch: from + left) }
                            left -= run
                        }
                        guard stop.until != .max else { return nil }
                        from = max(from, stop.until)
                    }
                    if from < close {
                        if close - from >= left { return Timestamp(millisecondsSinceEpoch: from + left) }
                        left -= close - from
                    }
                    at = close
                }
            }
            return nil
        }
    }

    /// The working span of the local day `day` days after `start`'s, if the clock runs then.
    func workingSpans(onDay day: Int, after start: Timestamp) -> [(Int64, Int64)] {
        let midnight = days.start(ofDay: day, after: start).millisecondsSinceEpoch
        // 1970-01-01 was a Thursday (ISO 4): the local day's number gives its weekday.
        let local = (midnight + Int64(days.offsetMinutes) * Self.minute) / LocalDays.length
        let weekday = Int(((local + 3) % 7 + 7) % 7) + 1
        guard hours.weekdays.contains(weekday), hours.closes > hours.opens else { return [] }
        return [(midnight + Int64(hours.opens) * Self.minute, midnight + Int64(hours.closes) * Self.minute)]
    }

    /// The pauses as sorted, non-overlapping spans in milliseconds; a lasting one to `.max`.
    static func merged(_ pauses: [ClockPause]) -> [(from: Int64, until: Int64)] {
        let spans = pauses.map { ($0.from.millisecondsSinceEpoch, $0.until?.millisecondsSinceEpoch ?? .max) }.filter { $0.1 > $0.0 }.sorted {
            $0.0 < $1.0
        }
        var merged: [(from: Int64, until: Int64)] = []
        for span in spans {
            if let last = merged.last, span.0 <= last.until {
                merged[merged.count - 1].until = max(last.until, span.1)
            } else {
                merged.append((span.0, span.1))
            }
        }
        return merged
    }

    /// How long the pauses stopped the clock by `now` (a lasting one up to `now`): what a
    /// pause limit is checked against.
    public static func paused(_ pauses: [ClockPause], by now: Timestamp) -> Int64 {
        merged(pauses).reduce(0) { total, stop in
            total + max(0, min(stop.until, now.millisecondsSinceEpoch) - stop.from)
        }
    }
}
