/// How personal numbers are shown: enough to recognise one's own, not enough to use
/// someone else's. Every listing shows these forms; the full numbers are never stored.
public enum Masking {
    /// An ID number (证件号码) with its first 4 and last 4 characters shown:
    /// `110101199001010011` → `1101**********0011`. At least a third of any number stays
    /// hidden, so a shorter one shows less: `E12345678` → `E12***678`.
    public static func idNumber(_ text: String) -> String {
        mask(text, keepingFirst: 4, last: 4)
    }

    /// A phone number (手机号) as Chinese services show it, first 3 and last 4 digits:
    /// `13812345678` → `138****5678`; a shorter one shows less, as for ID numbers.
    public static func phone(_ text: String) -> String {
        mask(text, keepingFirst: 3, last: 4)
    }

    /// A name as exports and lists show it: the first character, the rest as `*`
    /// (`王建国` → `王**`); an organisation's name is shown whole.
    public static func name(_ text: String, isPerson: Bool = true) -> String {
        guard isPerson, let first = text.first else { return text }
        return String(first) + String(repeating: "*", count: max(text.count - 1, 1))
    }

    private static func mask(_ text: String, keepingFirst first: Int, last: Int) -> String {
        let characters = Array(text.unicodeScalars)
        let shown = characters.count - (characters.count + 2) / 3
        let head = min(first, shown / 2)
        let tail = min(last, shown - head)
        var masked = String.UnicodeScalarView(characters.prefix(head))
        masked.append(contentsOf: repeatElement("*", count: characters.count - head - tail))
        masked.append(contentsOf: characters.suffix(tail))
        return String(masked)
    }
}
