/// What an owner keeps after voting (回执): enough to check, on their own phone, that their
/// ballot is in the log with their choices, under a head the log signed. It travels as a
/// code (`/verify?r=<code>`): the base64url (no padding) of its canonical JSON,
///
///     {"channel":"online","choices":{"m1":"agree","m2":["c1","c3"]},
///      "head":{"log":…,"root":…,"signature":…,"size":…,"time":…},
///      "index":41,"salt":"<64 hex>","time":1705716000000,"v":1,"vote":"…","voter":"<32 hex>"}
///
/// The receipt shows how its holder voted: with the salt anyone can check the choices.
/// Whoever the owner shows it to learns their vote (docs/AUDIT-LOG.md, threat model).
public struct LogReceipt: Hashable, Sendable {
    public var index: Int
    public var vote: String
    public var voter: String
    public var channel: Channel
    public var time: Timestamp
    public var choices: BallotChoices
    public var salt: [UInt8]
    /// A head whose tree holds the entry (size > index).
    public var head: SignedTreeHead

    public init(
        index: Int, vote: String, voter: String, channel: Channel, time: Timestamp, choices: BallotChoices, salt: [UInt8],
        head: SignedTreeHead
    ) {
        self.index = index
        self.vote = vote
        self.voter = voter
        self.channel = channel
        self.time = time
        self.choices = choices
        self.salt = salt
        self.head = head
    }

    /// The log entry the receipt stands for, its commitment recomputed from the choices.
    public var entry: LogEntry {
        LogEntry(
            vote: vote, time: time,
            event: .ballot(LoggedBallot(voter: voter, channel: channel, commitment: BallotCommitment.make(choices, salt: salt))))
    }

    public var json: JSONText {
        .object([
            ("v", .int(1)), ("index", .int(index)), ("vote", .string(vote)), ("voter", .string(voter)),
            ("channel", .string(channel.rawValue)), ("time", .int(Int(time.millisecondsSinceEpoch))),
            ("choices", choices.json), ("salt", .string(ByteText.hex(salt))), ("head", head.json),
        ])
    }

    /// The code for a link or a QR code.
    public var code: String { ByteText.base64URL(json.canonicalBytes) }

    /// Reads a receipt code, or a whole `/verify?r=` link; nil if it is not one.
    public init?(code text: String) {
        var code = text.trimmed()
        // A link: the value of its `r` parameter.
        let query = code.split(separator: "#").first?.split(separator: "?", maxSplits: 1).last ?? ""
        if let parameter = query.split(separator: "&").first(where: { $0.hasPrefix("r=") }) { code = String(parameter.dropFirst(2)) }
        guard let bytes = ByteText.bytes(base64: code), let json = CanonicalJSONReader.parse(bytes) else { return nil }
        self.init(json: json)
    }

    public init?(json: JSONText) {
        guard json.keys?.count == 9, json["v"]?.intValue == 1, let index = json["index"]?.intValue, index >= 0,
            let vote = json["vote"]?.stringValue, let voter = json["voter"]?.stringValue,
            let channel = json["channel"]?.stringValue.flatMap(Channel.init(rawValue:)), let time = json["time"]?.intValue,
            let choices = json["choices"].flatMap(BallotChoices.init(json:)),
            let salt = json["salt"]?.stringValue.flatMap({ ByteText.bytes(hex: $0, count: BallotCommitment.saltLength) }),
            let head = json["head"].flatMap(SignedTreeHead.init(json:)), head.size > index
        else { return nil }
        self.init(
            index: index, vote: vote, voter: voter, channel: channel, time: Timestamp(millisecondsSinceEpoch: Int64(time)),
            choices: choices, salt: salt, head: head)
    }
}

/// The owner's check, step by step, as the verify page shows it. The server runs it for a
/// page without JavaScript; the page's script runs the same steps in the browser.
public struct ReceiptCheck: Sendable, Equatable {
    public enum Step: String, Sendable, CaseIterable {
        /// The head on the receipt is signed by this log's key.
        case receiptHead = "receipt_head"
        /// The entry, with the commitment to the receipt's choices, is under that head.
        case included
        /// The log's latest head is signed, and its tree extends the receipt's head.
        case stillThere = "still_there"
    }

    /// Each step that ran, and whether it held; the check stops at the first that fails.
    public var steps: [(step: Step, passed: Bool)]
    public var latest: SignedTreeHead?

    public var passed: Bool { steps.count == Step.allCases.count && steps.allSatisfy(\.passed) }

    public static func == (lhs: ReceiptCheck, rhs: ReceiptCheck) -> Bool {
        lhs.steps.map(\.step) == rhs.steps.map(\.step) && lhs.steps.map(\.passed) == rhs.steps.map(\.passed) && lhs.latest == rhs.latest
    }

    /// Checks a receipt against the log's key, the inclusion proof of its entry in its head's
    /// tree, the latest head and the consistency proof from the receipt's head to it.
    public static func run(
        _ receipt: LogReceipt, key: LogPublicKey, inclusion: [MerkleHash]?, latest: SignedTreeHead?, consistency: [MerkleHash]?
    ) -> ReceiptCheck {
        var check = ReceiptCheck(steps: [], latest: latest)
        let head = receipt.head
        guard check.record(.receiptHead, head.isSigned(by: key)) else { return check }
        let leaf = receipt.entry.leafHash(index: receipt.index)
        let included = inclusion.map {
            Merkle.verifyInclusion(index: receipt.index, size: head.size, leafHash: leaf, proof: $0, root: head.root)
        }
        guard check.record(.included, included ?? false) else { return check }
        guard let latest, let consistency, latest.isSigned(by: key) else {
            check.record(.stillThere, false)
            return check
        }
        check.record(
            .stillThere,
            Merkle.verifyConsistency(
                oldSize: head.size, newSize: latest.size, oldRoot: head.root, newRoot: latest.root, proof: consistency))
        return check
    }

    @discardableResult
    private mutating func record(_ step: Step, _ passed: Bool) -> Bool {
        steps.append((step, passed))
        return passed
    }
}
