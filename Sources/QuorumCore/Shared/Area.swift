/// An exclusive floor area (专有部分面积) held exactly, as a whole number of 0.01 m².
///
/// Area is never a `Double`: every threshold of Civil Code Art. 278 is decided by integer
/// cross-multiplication, and a figure like 0.01 m² must decide a vote exactly.
public struct Area: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The area in hundredths of a square metre.
    public var centiSquareMetres: Int64

    public init(centiSquareMetres: Int64) {
        self.centiSquareMetres = centiSquareMetres
    }

    public static let zero = Area(centiSquareMetres: 0)

    public static func + (lhs: Area, rhs: Area) -> Area {
        Area(centiSquareMetres: lhs.centiSquareMetres + rhs.centiSquareMetres)
    }

    public static func += (lhs: inout Area, rhs: Area) {
        lhs.centiSquareMetres += rhs.centiSquareMetres
    }

    public static func < (lhs: Area, rhs: Area) -> Bool {
        lhs.centiSquareMetres < rhs.centiSquareMetres
    }

    /// The decimal form with exactly two decimals, as tally.json writes it: `"12345.67"`.
    public var description: String {
        let value = centiSquareMetres
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Why a text is not an area.
    public enum ParseError: Error, Equatable, Sendable {
        case notANumber
        case notPositive
        case tooManyDecimals
    }

    /// Reads a decimal area in m² such as `85.34`, `85.3` or `85`.
    ///
    /// Only plain decimal digits with at most one point are accepted: no sign, exponent,
    /// thousands separator or unit. Areas of zero or less, and figures with more than two
    /// decimals (which the register cannot hold exactly), are refused.
    public static func parse(_ text: Substring) -> Result<Area, ParseError> {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var decimals = 0
        var seenPoint = false
        var digits = 0
        var negative = false
        var utf8 = text.utf8[...]
        if utf8.first == UInt8(ascii: "-") {
            negative = true
            utf8 = utf8.dropFirst()
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint {
                    decimals += 1
                    // The register holds 0.01 m²; a third decimal, even a zero, is not a
                    // register figure, so it is refused rather than rounded.
                    guard decimals <= 2 else { return .failure(.tooManyDecimals) }
                    fraction = fraction * 10 + digit
                } else {
                    // 10^15 m² is far beyond any estate; refuse rather than overflow.
                    guard whole < 1_000_000_000_000_000 else { return .failure(.notANumber) }
                    whole = whole * 10 + digit
                }
            case UInt8(ascii: "."):
                if seenPoint { return .failure(.notANumber) }
                seenPoint = true
            default:
                return .failure(.notANumber)
            }
        }
        if digits == 0 { return .failure(.notANumber) }
        if decimals == 1 { fraction *= 10 }
        let value = whole * 100 + fraction
        if negative || value <= 0 { return .failure(.notPositive) }
        return .success(Area(centiSquareMetres: value))
    }

    public static func parse(_ text: String) -> Result<Area, ParseError> {
        parse(text[...])
    }
}
