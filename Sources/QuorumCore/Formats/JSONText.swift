/// A JSON value with ordered keys, written byte for byte the same way every time: keys in
/// the order given, one space of indentation per level, non-ASCII text as it is.
public indirect enum JSONText: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONText])
    case object([(String, JSONText)])

    /// The text, ending with a line break.
    public func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    /// The text with no white space at all, keys in the order given (`canonical` sorts them
    /// first: the form that hashes are taken of).
    public func compact() -> String {
        var out = ""
        writeCompact(to: &out)
        return out
    }

    private func writeCompact(to out: inout String) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .int(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .array(let items):
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += "," }
                item.writeCompact(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (position, (key, value)) in members.enumerated() {
                if position > 0 { out += "," }
                Self.quote(key, into: &out)
                out += ":"
                value.writeCompact(to: &out)
            }
            out += "}"
        }
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .int(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (position, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 1)
                item.write(to: &out, indent: indent + 1)
                out += position < items.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (position, (key, value)) in members.enumerated() {
                out += String(repeating: " ", count: indent + 1)
                Self.quote(key, into: &out)
                out += ": "
                value.write(to: &out, indent: indent + 1)
                out += position < members.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`-style or
    /// `\u00xx` (lowercase hex) escapes, everything else as it is. This is also RFC 8785's form.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension TallyResult {
    /// `tally.json` exactly as FORMATS.md lays it out. The same result gives the same bytes.
    public var json: JSONText {
        .object([
            ("vote", .string(vote)),
            ("totals", totals.json),
            ("matters", .array(matters.map(\.json))),
        ])
    }
}

extension Weight {
    var json: JSONText {
        .object([("area", .string(area.description)), ("heads", .int(heads))])
    }
}

extension MatterResult {
    var json: JSONText {
        var members: [(String, JSONText)] = [
            ("id", .string(id)),
            ("item", .int(item)),
            ("threshold", .string(threshold.rawValue)),
            ("participating", participating.json),
        ]
        if let silent { members.append(("silent", silent.json)) }
        members.append(("participation_met", .bool(participationMet)))
        switch outcome {
        case .resolution(let agree, let oppose, let abstain, let invalid, let passed):
            members += [
                ("agree", agree.json), ("oppose", oppose.json), ("abstain", abstain.json), ("invalid", invalid.json),
                ("passed", .bool(passed)),
            ]
        case .election(let candidates, let elected):
            members += [
                (
                    "candidates",
                    .array(
                        candidates.map {
                            .object([("id", .string($0.id)), ("votes", $0.votes.json), ("passed", .bool($0.passed))])
                        })
                ),
                ("elected", .array(elected.map { .string($0) })),
            ]
        }
        return .object(members)
    }
}
