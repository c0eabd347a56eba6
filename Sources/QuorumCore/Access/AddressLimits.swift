/// What a per-address limit counts (issue 13): an IPv4 client by its address, an IPv6 client
/// by its /64 — the block one subscriber is given, so stepping through it buys no more tries.
public enum AddressLimits {
    /// `203.0.113.7` → itself; `2001:db8:1:2:a:b:c:d` → `2001:db8:1:2::/64`; an IPv4-mapped
    /// IPv6 address → its IPv4 address; anything else (a Unix socket, "unknown") → itself.
    public static func key(for address: String) -> String {
        let text = address.split(separator: "%", maxSplits: 1).first.map(String.init) ?? address
        guard text.contains(":"), let groups = groups(of: text) else { return address }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF {
            return [groups[6] >> 8, groups[6] & 0xFF, groups[7] >> 8, groups[7] & 0xFF].map(String.init).joined(separator: ".")
        }
        return groups[0..<4].map { String($0, radix: 16) }.joined(separator: ":") + "::/64"
    }

    /// The eight 16-bit groups of an IPv6 address in text (RFC 4291 §2.2), nil if it is not one.
    static func groups(of text: String) -> [UInt16]? {
        func parse(_ part: Substring) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var groups: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (position, piece) in pieces.enumerated() {
                if position == pieces.count - 1, piece.contains(".") {
                    let bytes = piece.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
                    guard bytes.count == 4 else { return nil }
                    groups += [UInt16(bytes[0]) << 8 | UInt16(bytes[1]), UInt16(bytes[2]) << 8 | UInt16(bytes[3])]
                } else {
                    guard piece.count <= 4, let group = UInt16(piece, radix: 16) else { return nil }
                    groups.append(group)
                }
            }
            return groups
        }
        if let gap = text.firstRange(of: "::") {
            guard let head = parse(text[..<gap.lowerBound]), let tail = parse(text[gap.upperBound...]), head.count + tail.count < 8 else {
                return nil
            }
            return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard let all = parse(text[...]), all.count == 8 else { return nil }
        return all
    }
}
