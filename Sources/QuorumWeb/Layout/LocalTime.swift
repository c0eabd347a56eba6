import QuorumCore

/// Times as the estate reads them: its local time (Asia/Shanghai, UTC+8, RULES.md §4).
enum LocalTime {
    static func format(_ time: Timestamp) -> String {
        time.localMinute
    }
}

extension LocalTime {
    /// A deadline as the law words it: a period that ends at local midnight ends at 24:00 of
    /// its last day (Civil Code Art. 203), so `2026-12-09 00:00` reads `2026-12-08 24:00`.
    static func deadline(_ time: Timestamp) -> String {
        let text = time.localMinute
        guard text.hasSuffix(" 00:00") else { return text }
        return String(Timestamp(millisecondsSinceEpoch: time.millisecondsSinceEpoch - 1).localMinute.prefix(10)) + " 24:00"
    }
}
