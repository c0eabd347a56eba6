/// Writes CSV as FORMATS.md reads it: RFC 4180, a field quoted when it holds a comma,
/// a quote or a line break (quotes doubled), rows ended by CRLF; and a cell that a
/// spreadsheet would run as a formula (one that begins with `=`, `+`, `-`, `@`, a tab or a
/// carriage return: OWASP's CSV-injection rule) written with a `'` before it, which every
/// reader drops again (FORMATS.md, "Every CSV Quorum writes").
public enum CSVWriter {
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func field(_ text: String) -> String {
        // A cell of quotes before such a character gains one more, so that it reads back as it was.
        let text = isGuarded(Array("'\(text)".utf8)) ? "'" + text : text
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// Whether a cell as written begins with the guard: a `'`, then any further `'`s, then a
    /// character a spreadsheet would run. The reader drops that first `'`.
    static func isGuarded(_ cell: [UInt8]) -> Bool {
        guard cell.first == UInt8(ascii: "'") else { return false }
        guard let first = cell.dropFirst().first(where: { $0 != UInt8(ascii: "'") }) else { return false }
        return [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
    }
}
