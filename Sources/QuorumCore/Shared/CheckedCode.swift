/// Short codes a person reads, types or scans: receipt codes and paper-ballot codes.
///
/// Crockford's base-32 alphabet (no I, L, O or U, so nothing is misread), grouped by four
/// with a dash, and a last check character (mod 37, Crockford's check symbols), so that a
/// mistyped or misscanned character, or two swapped neighbours, are caught before any lookup.
public enum CheckedCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let checkSymbols = alphabet + Array("*~$=U")

    /// A code from `count` random symbols (from an injected generator) and a check character.
    public static func make(count: Int = 12, using generator: inout some RandomNumberGenerator) -> String {
        let body = (0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return group(String(body) + String(check(body)))
    }

    /// An identifier of `count` random symbols, lower case, without a check character: for
    /// URLs, not for typing.
    public static func identifier(count: Int = 10, using generator: inout some RandomNumberGenerator) -> String {
        String((0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }).lowercased()
    }

    /// The canonical form of a typed code (upper case, no dashes or spaces, O→0, I/L→1),
    /// or nil when its check character does not match.
    public static func normalized(_ typed: String) -> String? {
        var symbols: [Character] = []
        for character in typed.uppercased() {
            switch character {
            case "-", " ": continue
            case "O": symbols.append("0")
            case "I", "L": symbols.append("1")
            default: symbols.append(character)
            }
        }
        guard symbols.count >= 2, let last = symbols.last else { return nil }
        let body = Array(symbols.dropLast())
        guard body.allSatisfy(alphabet.contains), check(body) == last else { return nil }
        return group(String(symbols))
    }

    static func check(_ body: [Character]) -> Character {
        var remainder = 0
        for symbol in body {
            remainder = (remainder * 32 + alphabet.firstIndex(of: symbol)!) % 37
        }
        return checkSymbols[remainder]
    }

    private static func group(_ text: String) -> String {
        var out = ""
        for (offset, character) in text.enumerated() {
            if offset > 0 && offset % 4 == 0 { out.append("-") }
            out.append(character)
        }
        return out
    }
}
