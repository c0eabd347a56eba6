import QuorumCore

/// Times as the estate reads them: its local time (Asia/Shanghai, UTC+8, RULES.md §4).
enum LocalTime {
    static func format(_ time: Timestamp) -> String {
        let local = Timestamp(millisecondsSinceEpoch: time.millisecondsSinceEpoch + Int64(Timestamp.defaultOffsetMinutes) * 60_000)
        // "2024-01-20T18:14:00Z" → "2024-01-20 18:14"
        let text = local.description
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }
}
