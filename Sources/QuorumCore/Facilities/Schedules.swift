/// Local dates (`YYYY-MM-DD`) as facilities' records and schedules count them, through the
/// one count of days (`LocalDays`, RULES.md §4): the day a servicing is done does not count
/// in the period that follows it, which ends at 24:00 of its last day.
public enum FacilityDays {
    /// True for a real date written `YYYY-MM-DD`.
    public static func isDay(_ text: String) -> Bool {
        text.utf8.count == 10 && Timestamp.parse(text + "T00:00Z") != nil
    }

    /// 00:00 local of a day (nil for a text that is not one).
    public static func start(of day: String, days: LocalDays = LocalDays()) -> Timestamp? {
        guard isDay(day), let utc = Timestamp.parse(day + "T00:00Z") else { return nil }
        return Timestamp(millisecondsSinceEpoch: utc.millisecondsSinceEpoch - Int64(days.offsetMinutes) * 60_000)
    }

    /// The local day an instant falls in.
    public static func day(of time: Timestamp, days: LocalDays = LocalDays()) -> String {
        String(time.localMinute(offsetMinutes: days.offsetMinutes).prefix(10))
    }

    /// The day `months` calendar months after `day`: the same day of the month, or the
    /// month's last day when it has no such day (Civil Code Art. 202).
    static func adding(months: Int, to day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return day }
        let total = parts[0] * 12 + parts[1] - 1 + months
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let month = "\(total / 12)-\(two(total % 12 + 1))-"
        let candidates = parts[2] <= 28 ? [parts[2]] : Array((28...parts[2]).reversed())
        return candidates.map { month + two($0) }.first(where: isDay) ?? month + "28"
    }
}

/// How often a schedule's item is due.
public enum Period: Sendable, Hashable {
    case days(Int)
    case months(Int)

    /// As the store and the log write it: `d15`, `m3`.
    public var code: String {
        switch self {
        case .days(let count): "d\(count)"
        case .months(let count): "m\(count)"
        }
    }

    public init?(code: String) {
        guard let count = Int(code.dropFirst()) else { return nil }
        switch code.first {
        case "d": self = .days(count)
        case "m": self = .months(count)
        default: return nil
        }
    }

    /// When the item done on `day` is next due: 24:00 of the period's last day (done on
    /// 1 March, every 15 days: 24:00 on 16 March; every 3 months from 15 January: 24:00 on 15 April).
    public func due(after day: String, days: LocalDays = LocalDays()) -> Timestamp? {
        switch self {
        case .days(let count): FacilityDays.start(of: day, days: days).map { days.end(ofDay: count, after: $0) }
        case .months(let count): FacilityDays.start(of: FacilityDays.adding(months: count, to: day), days: days).map { days.end(ofDay: 0, after: $0) }
        }
    }
}

/// A recurring servicing or test a kind of facility is due for: one the law sets, or one the
/// estate adds (`name` is then the estate's own; the law's are named by their `id`).
public struct FacilitySchedule: Sendable, Hashable {
    public var id: String
    public var kind: FacilityKind
    public var period: Period
    public var name: String
    /// Schedules a record of this one also satisfies: a lift's quarterly servicing includes
    /// its half-monthly items (TSG T5001-2009).
    public var includes: [String]

    public init(id: String, kind: FacilityKind, period: Period, name: String = "", includes: [String] = []) {
        (self.id, self.kind, self.period, self.name, self.includes) = (id, kind, period, name, includes)
    }

    /// RULES.md §9: a lift is cleaned, lubricated, adjusted and checked at least every 15 days
    /// (特种设备安全监察条例 Art. 31), with half-monthly, quarterly, half-yearly and annual items
    /// (TSG T5001-2009), each larger servicing including the smaller ones' items.
    public static let liftHalfMonthly = FacilitySchedule(id: "lift_half_monthly", kind: .elevator, period: .days(15))
    public static let liftQuarterly = FacilitySchedule(
        id: "lift_quarterly", kind: .elevator, period: .months(3), includes: ["lift_half_monthly"])
    public static let liftHalfYearly = FacilitySchedule(
        id: "lift_half_yearly", kind: .elevator, period: .months(6), includes: ["lift_half_monthly", "lift_quarterly"])
    public static let liftAnnual = FacilitySchedule(
        id: "lift_annual", kind: .elevator, period: .months(12), includes: ["lift_half_monthly", "lift_quarterly", "lift_half_yearly"])
    /// RULES.md §9: a building's fire systems are tested fully at least once a year, with
    /// records kept (消防法 Art. 16).
    public static let fireAnnual = FacilitySchedule(id: "fire_annual", kind: .fire, period: .months(12))

    /// An estate's own schedule (RULES.md §9 lets the estate add to the law's), checked.
    public static func own(id: String, kind: FacilityKind, name raw: String, period: Period) throws(FacilityError) -> FacilitySchedule {
        let name = raw.trimmed()
        let inRange =
            switch period {
            case .days(let count): (1...366).contains(count)
            case .months(let count): (1...60).contains(count)
            }
        guard inRange, !name.isEmpty, name.count <= FacilityError.maximumText else { throw .badSchedule }
        return FacilitySchedule(id: id, kind: kind, period: period, name: name)
    }

    /// The schedules the law sets, for every estate.
    public static let law = [liftHalfMonthly, liftQuarterly, liftHalfYearly, liftAnnual, fireAnnual]

    /// The item of a periodic inspection (定期检验), due by the facility's `inspectionDue`.
    public static let inspection = "inspection"
}

/// What the standing of a facility's item is computed from: the last day each item was done.
public struct FacilityStanding: Sendable, Hashable {
    /// A schedule's id, or `FacilitySchedule.inspection`.
    public var item: String
    /// The last day it was done (a record, or one that includes it); nil if never.
    public var last: String?
    /// 24:00 of its last day: until then it is due, from then on overdue.
    public var due: Timestamp
    public var overdue: Bool

    /// Every item of `facility` at `now`: each schedule of its kind (`schedules`: the law's
    /// and the estate's), from the last day in `lastDone` (item → day) of it or of one that
    /// includes it, or, never done, from the day the facility joined the register
    /// (`registered`): the platform knows nothing older; and its inspection, due by 24:00 of
    /// its `inspectionDue`, when it has one. Overdue items first, then by due time.
    public static func items(
        of facility: Facility, schedules: [FacilitySchedule], lastDone: [String: String], registered: Timestamp, now: Timestamp,
        days: LocalDays = LocalDays()
    ) -> [FacilityStanding] {
        var items: [FacilityStanding] = []
        let start = FacilityDays.day(of: registered, days: days)
        for schedule in schedules where schedule.kind == facility.kind {
            let covering = schedules.filter { $0.kind == facility.kind && $0.includes.contains(schedule.id) }.map(\.id) + [schedule.id]
            let last = covering.compactMap { lastDone[$0] }.max()
            guard let due = schedule.period.due(after: last ?? start, days: days) else { continue }
            items.append(FacilityStanding(item: schedule.id, last: last, due: due, overdue: now >= due))
        }
        if let expiry = FacilityDays.start(of: facility.inspectionDue, days: days) {
            let due = days.end(ofDay: 0, after: expiry)
            items.append(
                FacilityStanding(item: FacilitySchedule.inspection, last: lastDone[FacilitySchedule.inspection], due: due, overdue: now >= due))
        }
        return items.sorted { ($0.overdue ? 0 : 1, $0.due) < ($1.overdue ? 0 : 1, $1.due) }
    }
}
