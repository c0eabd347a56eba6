/// Canonical JSON, the byte form of every audit-log entry, tree-head line and receipt: the
/// JSON Canonicalization Scheme of RFC 8785 restricted to strings, integers, booleans,
/// arrays and objects (no floating point, no null). So anyone can rebuild the exact bytes:
///
/// - no white space anywhere;
/// - object members sorted by their keys, compared as UTF-16 code units (JavaScript's
///   default sort), each key once;
/// - strings in UTF-8 with only `"`, `\` and the control characters escaped: `\b \t \n \f \r`,
///   the others as `\u00xx` in lowercase hex; everything else, non-ASCII included, as it is;
/// - integers in plain decimal, `-` only for negatives, no leading zeros, no `+`, no fraction
///   or exponent, and within ±(2^53 − 1) so that JavaScript reads them exactly.
///
/// `docs/AUDIT-LOG.md` spells out the same rules, with examples.
extension JSONText {
    /// The canonical text, with no line break at the end.
    public var canonical: String { sorted.compact() }

    /// The canonical text as UTF-8 bytes: what is hashed and signed.
    public var canonicalBytes: [UInt8] { Array(canonical.utf8) }

    /// The value with every object's members in canonical order.
    private var sorted: JSONText {
        switch self {
        case .string, .int, .bool: self
        case .array(let items): .array(items.map(\.sorted))
        case .object(let members): .object(members.sorted { Self.precedes($0.0, $1.0) }.map { ($0.0, $0.1.sorted) })
        }
    }

    /// RFC 8785's key order: UTF-16 code units, as JavaScript compares strings.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    /// The largest integer JavaScript holds exactly.
    public static let maxSafeInteger = 9_007_199_254_740_991

    /// The value of a member of an object.
    public subscript(key: String) -> JSONText? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    public var intValue: Int? {
        if case .int(let value) = self { value } else { nil }
    }

    public var arrayValue: [JSONText]? {
        if case .array(let items) = self { items } else { nil }
    }

    /// The member names of an object, in order.
    public var keys: [String]? {
        if case .object(let members) = self { members.map(\.0) } else { nil }
    }
}

/// Reads canonical JSON and nothing else: any text that is not exactly the canonical form
/// of its value (white space, unsorted or repeated keys, needless escapes, `1.0`, `01`, …)
/// is refused, so that what was read hashes to what any other implementation would write.
public struct CanonicalJSONReader {
    private let bytes: [UInt8]
    private var position: Int
    private let end: Int

    /// Parses `bytes[range]` as one canonical JSON value; nil if it is not one.
    public static func parse(_ bytes: [UInt8], in range: Range<Int>? = nil) -> JSONText? {
        var reader = CanonicalJSONReader(bytes: bytes, range: range ?? bytes.indices)
        guard let value = reader.value(depth: 0), reader.position == reader.end else { return nil }
        return value
    }

    public static func parse(_ text: String) -> JSONText? {
        parse(Array(text.utf8))
    }

    private init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    private var next: UInt8? { position < end ? bytes[position] : nil }

    private mutating func expect(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard end - position >= count else { return false }
        for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] { return false }
        position += count
        return true
    }

    private mutating func value(depth: Int) -> JSONText? {
        guard depth < 32, let byte = next else { return nil }
        switch byte {
        case UInt8(ascii: "\""): return string().map { .string($0) }
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "t"): return expect("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return expect("false") ? .bool(false) : nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer().map { .int($0) }
        default: return nil
        }
    }

    private mutating func integer() -> Int? {
        var negative = false
        if next == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        guard let first = next, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
        var value = 0
        var digits = 0
        while let digit = next, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") {
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
            digits += 1
            position += 1
            guard digits <= 16 else { return nil }
        }
        // No leading zero, no "-0", nothing JavaScript could not hold exactly.
        if first == UInt8(ascii: "0") && (digits > 1 || negative) { return nil }
        guard value <= JSONText.maxSafeInteger else { return nil }
        if let after = next, after == UInt8(ascii: ".") || after == UInt8(ascii: "e") || after == UInt8(ascii: "E") { return nil }
        return negative ? -value : value
    }

    private mutating func string() -> String? {
        position += 1  // the opening quote
        let start = position
        var escaped: [UInt8]? = nil  // only built when the string has an escape
        while let byte = next {
            switch byte {
            case UInt8(ascii: "\""):
                let raw = escaped ?? Array(bytes[start..<position])
                position += 1
                // Valid UTF-8 only: decoding replaces a bad sequence, so the bytes would differ.
                let text = String(decoding: raw, as: UTF8.self)
                return text.utf8.elementsEqual(raw) ? text : nil
            case UInt8(ascii: "\\"):
                if escaped == nil { escaped = Array(bytes[start..<position]) }
                guard position + 1 < end else { return nil }
                let kind = bytes[position + 1]
                position += 2
                switch kind {
                case UInt8(ascii: "\""): escaped!.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): escaped!.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "b"): escaped!.append(0x08)
                case UInt8(ascii: "t"): escaped!.append(0x09)
                case UInt8(ascii: "n"): escaped!.append(0x0A)
                case UInt8(ascii: "f"): escaped!.append(0x0C)
                case UInt8(ascii: "r"): escaped!.append(0x0D)
                case UInt8(ascii: "u"):
                    // Only control characters without a short form are written as \u00xx.
                    guard end - position >= 4, bytes[position] == UInt8(ascii: "0"), bytes[position + 1] == UInt8(ascii: "0"),
                        let high = ByteText.nibble(bytes[position + 2]), let low = ByteText.nibble(bytes[position + 3])
                    else { return nil }
                    let scalar = high << 4 | low
                    guard scalar < 0x20, ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(scalar) else { return nil }
                    escaped!.append(scalar)
                    position += 4
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }  // a raw control character
                escaped?.append(byte)
                position += 1
            }
        }
        return nil
    }

    private mutating func object(depth: Int) -> JSONText? {
        position += 1
        var members: [(String, JSONText)] = []
        if next == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            guard next == UInt8(ascii: "\""), let key = string(), expect(":"), let value = value(depth: depth + 1) else { return nil }
            if let last = members.last, !JSONText.precedes(last.0, key) { return nil }  // unsorted or repeated
            members.append((key, value))
            if expect(",") { continue }
            return expect("}") ? .object(members) : nil
        }
    }

    private mutating func array(depth: Int) -> JSONText? {
        position += 1
        var items: [JSONText] = []
        if next == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            guard let item = value(depth: depth + 1) else { return nil }
            items.append(item)
            if expect(",") { continue }
            return expect("]") ? .array(items) : nil
        }
    }
}
