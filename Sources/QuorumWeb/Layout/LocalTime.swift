import QuorumCore

/// Times as the estate reads them: its local time (Asia/Shanghai, UTC+8, RULES.md §4).
enum LocalTime {
    static func format(_ time: Timestamp) -> String {
        time.localMinute
    }
}
