/// The exported log (`log.jsonl`): JSON Lines, each line canonical JSON, ending in `\n`.
///
///     {"format":"quorum-audit-log/v1","log":"quorum-audit-log/<key id>","public_key":"<base64>"}
///     <entry 0>
///     <entry 1>
///     {"tree_head":{"log":…,"root":…,"signature":…,"size":2,"time":…}}
///     …
///
/// An entry line is exactly the entry's canonical bytes, so its leaf hash is the SHA-256 of
/// a zero byte and the line; or, for an entry withheld from whoever exported the log (another
/// estate's, issue 13), `{"index":I,"leaf_hash":"<64 hex>"}`, which the tree needs and
/// nothing more. Each head follows the last entry it covers.
public enum LogExport {
    public static let format = "quorum-audit-log/v1"
    static let headPrefix = Array(#"{"tree_head":"#.utf8)

    public static func headerLine(key: LogPublicKey) -> String {
        JSONText.object([
            ("format", .string(format)), ("log", .string(key.logName)), ("public_key", .string(ByteText.base64(key.raw))),
        ]).canonical + "\n"
    }

    public static func headLine(_ head: SignedTreeHead) -> String {
        JSONText.object([("tree_head", head.json)]).canonical + "\n"
    }

    /// The line standing for entry `index`, withheld: its index and leaf hash only.
    public static func withheldLine(index: Int, leaf: MerkleHash) -> String {
        JSONText.object([("index", .int(index)), ("leaf_hash", .string(ByteText.hex(leaf)))]).canonical + "\n"
    }

    /// The index and leaf of a withheld entry's line, nil for any other line.
    static func withheld(_ json: JSONText) -> (index: Int, leaf: MerkleHash)? {
        guard json.keys == ["index", "leaf_hash"], let index = json["index"]?.intValue, index >= 0,
            let leaf = json["leaf_hash"]?.stringValue.flatMap({ ByteText.bytes(hex: $0, count: 32) })
        else { return nil }
        return (index, leaf)
    }

    /// Verifies an exported log (against a head copied from a notice, when given). `expectedKey`, when given (`--public-key`), must be the key
    /// the file names; otherwise the file's own key is used and the summary names it.
    public static func verify(
        _ bytes: [UInt8], expectedKey: LogPublicKey? = nil, collectingBallots: Bool = false, copied: CopiedHead? = nil
    ) async -> (result: Result<LogSummary, LogProblem>, verifier: LogVerifier?) {
        var lines = LineSplitter(bytes)
        guard let first = lines.next(), let header = CanonicalJSONReader.parse(bytes, in: first.range),
            header["format"]?.stringValue == format, let keyText = header["public_key"]?.stringValue,
            let key = LogPublicKey(text: keyText), header["log"]?.stringValue == key.logName
        else { return (.failure(LogProblem(.header, .notALog)), nil) }
        if let expectedKey, expectedKey != key {
            return (.failure(LogProblem(.header, .otherKey(expected: expectedKey.keyID, found: key.keyID))), nil)
        }
        var verifier = LogVerifier(key: key, collectsBallots: collectingBallots, copied: copied)
        while let line = lines.next(), !verifier.hasFailed {
            if line.range.isEmpty { continue }
            if bytes[line.range].starts(with: headPrefix) {
                guard let json = CanonicalJSONReader.parse(bytes, in: line.range), json.keys == ["tree_head"],
                    let head = json["tree_head"].flatMap(SignedTreeHead.init(json:))
                else {
                    verifier.fail(.line(line.number), .unreadable(line: line.number))
                    break
                }
                verifier.head(head)
            } else {
                verifier.entry(bytes, in: line.range, line: line.number)
            }
        }
        return (await verifier.finish(), verifier)
    }
}

/// The lines of a text without copying it: byte ranges, without the line feed (and a
/// carriage return before it), numbered from 1.
struct LineSplitter {
    let bytes: [UInt8]
    var start = 0
    var number = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> (range: Range<Int>, number: Int)? {
        guard start < bytes.count else { return nil }
        number += 1
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        var contentEnd = end
        if contentEnd > start && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
        defer { start = end + 1 }
        return (start..<contentEnd, number)
    }
}
