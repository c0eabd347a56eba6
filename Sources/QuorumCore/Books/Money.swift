/// An amount of money held exactly, as a whole number of fen (分, 0.01 yuan): never a `Double`
/// (RULES.md §7: money is an integer of fen).
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }

    public static let zero = Money(fen: 0)
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    public static prefix func - (value: Money) -> Money { Money(fen: -value.fen) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.fen += rhs.fen }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

    /// Yuan with exactly two decimals, no separators: `1234.50`, `-3.00`.
    public var description: String {
        let magnitude = fen.magnitude
        let fraction = magnitude % 100
        return "\(fen < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Why a text is not an amount.
    public enum ParseError: Error, Hashable, Sendable {
        case empty
        case notANumber
        case negative
        case tooManyDecimals
    }

    /// Reads yuan as a bank writes them: `1234.5`, `1234.50`, `1,234.50` (thousands grouped
    /// by three), `0`. Refused: more than two decimals (even zeros: a fen is the smallest
    /// amount), a sign (`-` is `negative`, `+` is not a number), exponents, spaces inside,
    /// misplaced commas, and figures beyond 10^15 yuan.
    public static func parse(_ text: String) -> Result<Money, ParseError> {
        if text.isEmpty { return .failure(.empty) }
        var bytes = Array(text.utf8)
        if bytes.first == UInt8(ascii: "-") {
            bytes.removeFirst()
            if case .success = parseUnsigned(bytes) { return .failure(.negative) }
        }
        return parseUnsigned(bytes)
    }

    private static func parseUnsigned(_ bytes: [UInt8]) -> Result<Money, ParseError> {
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(point ?? bytes.endIndex)]
        let decimals = point.map { bytes[(bytes.index(after: $0))...] } ?? []
        func isDigits(_ part: ArraySlice<UInt8>) -> Bool { part.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
        let groups = whole.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard !whole.isEmpty, groups.allSatisfy(isDigits), groups.allSatisfy({ !$0.isEmpty }),
            groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }),
            isDigits(decimals), point == nil || !decimals.isEmpty
        else { return .failure(.notANumber) }
        guard decimals.count <= 2 else { return .failure(.tooManyDecimals) }
        let digits = groups.joined()
        guard digits.count <= 15 else { return .failure(.notANumber) }
        var fen: Int64 = 0
        for digit in digits { fen = fen * 10 + Int64(digit - UInt8(ascii: "0")) }
        for offset in 0..<2 { fen = fen * 10 + (offset < decimals.count ? Int64(decimals[decimals.startIndex + offset] - UInt8(ascii: "0")) : 0) }
        return .success(Money(fen: fen))
    }
}
