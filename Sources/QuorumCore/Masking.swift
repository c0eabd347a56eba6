/// How personal numbers are shown: enough to recognise one's own, not enough to use
/// someone else's. Every listing shows these forms; the full numbers are never stored.
public enum Masking {
    /// An ID number (证件号码) with its first 4 and last 4 characters shown:
    /// `110101199001010011` → `1101**********0011`. A short number shows at most a quarter
    /// of its characters at each end, so a 9-character passport number keeps 5 hidden.
    public static func idNumber(_ text: String) -> String {
        mask(text, keepingFirst: 4, last: 4)
    }

    /// A phone number (手机号) as Chinese services show it, first 3 and last 4 digits:
    /// `13812345678` → `138****5678`. Shorter numbers show at most a quarter at each end.
    public static func phone(_ text: String) -> String {
        mask(text, keepingFirst: 3, last: 4)
    }

    private static func mask(_ text: String, keepingFirst first: Int, last: Int) -> String {
        let characters = Array(text)
        let quarter = characters.count / 4
        let head = min(first, quarter), tail = min(last, quarter)
        return String(characters.prefix(head)) + String(repeating: "*", count: characters.count - head - tail)
            + String(characters.suffix(tail))
    }
}
