/// An instant, as milliseconds since 1970-01-01T00:00:00Z. Ballots are ordered by it: a
/// ballot takes effect when it enters the system (Civil Code Art. 137).
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// The estate's default offset when a time has none: Asia/Shanghai, UTC+8 (RULES.md §4).
    public static let defaultOffsetMinutes = 8 * 60

    /// Reads ISO 8601 as exports write it: `2024-01-20T18:14:00+08:00`, `…Z`, with or
    /// without seconds and fractions, `T` or a space. A time without an offset is the
    /// estate's local time.
    public static func parse(_ text: String) -> Timestamp? {
        var bytes = Array(text.utf8)[...]
        func number(_ count: Int) -> Int64? {
            guard bytes.count >= count else { return nil }
            var value: Int64 = 0
            for byte in bytes.prefix(count) {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            bytes = bytes.dropFirst(count)
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard bytes.first == character.asciiValue else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        guard expect("T") || expect(" ") || expect("t"), let hour = number(2), expect(":"), let minute = number(2),
            hour < 24, minute < 60
        else { return nil }
        var second: Int64 = 0
        var millis: Int64 = 0
        if expect(":") {
            guard let s = number(2), s < 61 else { return nil }
            second = s
            if expect(".") || expect(",") {
                var digits = 0
                while let byte = bytes.first, byte >= 48 && byte <= 57 {
                    if digits < 3 { millis = millis * 10 + Int64(byte - 48) }
                    digits += 1
                    bytes = bytes.dropFirst()
                }
                guard digits > 0 else { return nil }
                for _ in digits..<max(digits, 3) { millis *= 10 }
            }
        }
        var offsetMinutes = Int64(defaultOffsetMinutes)
        if expect("Z") || expect("z") {
            offsetMinutes = 0
        } else if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
            guard let h = number(2), h < 24 else { return nil }
            _ = expect(":")
            guard let m = number(2), m < 60 else { return nil }
            offsetMinutes = (h * 60 + m) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        guard bytes.isEmpty else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second - offsetMinutes * 60
        return Timestamp(millisecondsSinceEpoch: seconds * 1000 + millis)
    }

    /// Local time to the minute, as pages and messages show it: `2024-01-20 18:14`.
    public func localMinute(offsetMinutes: Int = Timestamp.defaultOffsetMinutes) -> String {
        let text = Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + Int64(offsetMinutes) * 60_000).description
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }

    /// Local time to the minute in the default offset (UTC+8).
    public var localMinute: String { localMinute() }

    /// UTC, ISO 8601, to the second (with milliseconds when there are any).
    public var description: String {
        let millis = ((millisecondsSinceEpoch % 1000) + 1000) % 1000
        let seconds = (millisecondsSinceEpoch - millis) / 1000
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (year, month, day) = civilFromDays(days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(year)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))"
        if millis != 0 { text += "." + String(String(millis + 1000).dropFirst()) }
        return text + "Z"
    }

    private static func isLeap(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
