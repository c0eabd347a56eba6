/// A tree head as a person copies it from a notice on paper (公告上的树头): the size and the
/// root, not the signature, which nobody copies by hand. The paper on the notice board is a
/// witness: the log shown later must begin with exactly the entries under that head, which
/// an RFC 9162 consistency proof from it to a later signed head shows (`quorum verify --head`,
/// the verify page). A log rewritten after the notice went up cannot give that proof.
public struct CopiedHead: Hashable, Sendable {
    public var size: Int
    public var root: MerkleHash

    public init(size: Int, root: MerkleHash) {
        self.size = size
        self.root = root
    }

    /// `SIZE:ROOT` as `quorum verify --head` takes it.
    public init?(text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        self.init(size: String(parts[0]), root: String(parts[1]))
    }

    /// The two fields as a person types them: the root in hex, as the notice prints it (any
    /// case; spaces and dashes between the groups do not matter), or in base64 as the log's JSON has it.
    public init?(size: String, root: String) {
        guard let size = Int(size.trimmed()), size > 0 else { return nil }
        let hex = String(root.lowercased().unicodeScalars.filter { !" -\t\r\n".unicodeScalars.contains($0) })
        guard let bytes = ByteText.bytes(hex: hex, count: 32) ?? ByteText.bytes(base64: root.trimmed()), bytes.count == 32 else { return nil }
        self.init(size: size, root: bytes)
    }

    public init(_ head: SignedTreeHead) {
        self.init(size: head.size, root: head.root)
    }

    /// The root in 16 groups of four hex digits: what the notice prints, to copy by hand.
    public static func grouped(_ root: MerkleHash) -> String {
        let hex = Array(ByteText.hex(root))
        return stride(from: 0, to: hex.count, by: 4).map { String(hex[$0..<min($0 + 4, hex.count)]) }.joined(separator: " ")
    }

    /// `SIZE:ROOT`, the root in plain hex: what `--head` takes.
    public var text: String { "\(size):\(ByteText.hex(root))" }

    /// What the verify page finds for a copied head against the log's latest signed head.
    public enum Check: Hashable, Sendable {
        /// The latest head is signed by the log's key and its tree extends the copied one.
        case consistent(latest: SignedTreeHead)
        /// No signed head of the log is as large as the copied one: the log has only `present` entries under one.
        case beyondLog(present: Int)
        /// The log's first `size` entries are not those of the copied head: the log was rewritten, or the copy is wrong.
        case inconsistent(latest: SignedTreeHead)
        /// The latest head is not signed by the log's key.
        case badSignature
    }

    /// Checks this head against the log's latest head and the consistency proof from this
    /// head's size to it (nil when the log could not give one).
    public func check(latest: SignedTreeHead?, key: LogPublicKey, proof: [MerkleHash]?) -> Check {
        guard let latest, latest.size >= size else { return .beyondLog(present: latest?.size ?? 0) }
        guard latest.isSigned(by: key) else { return .badSignature }
        guard let proof, Merkle.verifyConsistency(oldSize: size, newSize: latest.size, oldRoot: root, newRoot: latest.root, proof: proof)
        else { return .inconsistent(latest: latest) }
        return .consistent(latest: latest)
    }
}

extension SignedTreeHead {
    /// The key id its log name carries (`quorum-audit-log/<key id>`), as the notice prints it.
    public var keyID: String { String(log.dropFirst("quorum-audit-log/".count)) }
}
