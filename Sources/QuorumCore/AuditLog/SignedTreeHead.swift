import Crypto

/// A signed tree head (签名树头): the log's size and Merkle root at a moment, signed with the
/// installation's Ed25519 key. Whoever keeps one can later demand proof that the log they
/// are shown still begins with exactly those entries (a consistency proof), and that an
/// entry is in it (an inclusion proof).
public struct SignedTreeHead: Hashable, Sendable {
    /// The log's name, `quorum-audit-log/` and the key id: it names the key that signs.
    public var log: String
    public var size: Int
    public var root: MerkleHash
    public var time: Timestamp
    /// Ed25519 over `signingInput`, 64 bytes.
    public var signature: [UInt8]

    public init(log: String, size: Int, root: MerkleHash, time: Timestamp, signature: [UInt8]) {
        self.log = log
        self.size = size
        self.root = root
        self.time = time
        self.signature = signature
    }

    /// The bytes that are signed, four lines each ending in a line feed (a C2SP
    /// tlog-checkpoint body with the time as its extension line):
    ///
    ///     quorum-audit-log/<key id>
    ///     <size, decimal>
    ///     <root, base64 with padding>
    ///     <time, milliseconds since 1970, decimal>
    public static func signingInput(log: String, size: Int, root: MerkleHash, time: Timestamp) -> [UInt8] {
        Array("\(log)\n\(size)\n\(ByteText.base64(root))\n\(time.millisecondsSinceEpoch)\n".utf8)
    }

    public var signingInput: [UInt8] { Self.signingInput(log: log, size: size, root: root, time: time) }

    /// Whether the signature is the key's over this head, and the head names that key.
    public func isSigned(by key: LogPublicKey) -> Bool {
        log == key.logName && key.key.isValidSignature(signature, for: signingInput)
    }

    /// The head as JSON (the `/log/head` route, export lines and receipts): root and
    /// signature in base64.
    public var json: JSONText {
        .object([
            ("log", .string(log)), ("size", .int(size)), ("root", .string(ByteText.base64(root))),
            ("time", .int(Int(time.millisecondsSinceEpoch))), ("signature", .string(ByteText.base64(signature))),
        ])
    }

    public init?(json: JSONText) {
        guard json.keys?.count == 5, let log = json["log"]?.stringValue, let size = json["size"]?.intValue, size >= 0,
            let root = json["root"]?.stringValue.flatMap(ByteText.bytes(base64:)), root.count == 32,
            let time = json["time"]?.intValue,
            let signature = json["signature"]?.stringValue.flatMap(ByteText.bytes(base64:)), signature.count == 64
        else { return nil }
        self.init(log: log, size: size, root: root, time: Timestamp(millisecondsSinceEpoch: Int64(time)), signature: signature)
    }
}

/// The public half of the log's signing key, as the site shows it and `quorum verify` takes it.
public struct LogPublicKey: Hashable, Sendable {
    public let key: Curve25519.Signing.PublicKey

    public init(_ key: Curve25519.Signing.PublicKey) {
        self.key = key
    }

    public static func == (lhs: LogPublicKey, rhs: LogPublicKey) -> Bool { lhs.raw == rhs.raw }
    public func hash(into hasher: inout Hasher) { hasher.combine(raw) }

    /// The 32 raw bytes (RFC 8032).
    public var raw: [UInt8] { Array(key.rawRepresentation) }

    /// The first 8 bytes of the SHA-256 of the raw key, in hex: short enough to read aloud
    /// and compare with the one on the notice board.
    public var keyID: String { ByteText.hex(SHA256.hash(data: raw).prefix(8)) }

    /// The log's name, which every head carries and signs.
    public var logName: String { "quorum-audit-log/\(keyID)" }

    /// The key in SubjectPublicKeyInfo DER (RFC 8410): a fixed 12-byte prefix, then the key.
    public var der: [UInt8] { Self.spkiPrefix + raw }
    static let spkiPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    /// `-----BEGIN PUBLIC KEY-----` PEM, as `openssl pkey -pubin` reads it.
    public var pem: String {
        "-----BEGIN PUBLIC KEY-----\n\(ByteText.base64(der))\n-----END PUBLIC KEY-----\n"
    }

    /// Reads a PEM public key, the base64 of its DER, or the base64 or hex of the raw 32 bytes.
    public init?(text: String) {
        let body = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined().trimmed()
        var bytes = ByteText.bytes(base64: body) ?? []
        if bytes.count != 32, let hex = ByteText.bytes(hex: body.lowercased(), count: 32) { bytes = hex }
        if bytes.count == 44, Array(bytes.prefix(12)) == Self.spkiPrefix { bytes = Array(bytes.dropFirst(12)) }
        guard bytes.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: bytes) else { return nil }
        self.init(key)
    }
}

/// The log's signing key (private). Kept by the store; never leaves the server.
public struct LogSigningKey: Sendable {
    public let key: Curve25519.Signing.PrivateKey

    public init(_ key: Curve25519.Signing.PrivateKey) {
        self.key = key
    }

    /// A new random key.
    public static func generate() -> LogSigningKey { LogSigningKey(Curve25519.Signing.PrivateKey()) }

    /// The key from the base64 of its 32-byte seed (RFC 8032 private key).
    public init?(base64 text: String) {
        guard let bytes = ByteText.bytes(base64: text.trimmed()), bytes.count == 32,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes)
        else { return nil }
        self.init(key)
    }

    public var base64: String { ByteText.base64(key.rawRepresentation) }
    public var publicKey: LogPublicKey { LogPublicKey(key.publicKey) }

    /// Signs the tree of `size` entries with this root at this time.
    public func sign(size: Int, root: MerkleHash, time: Timestamp) throws -> SignedTreeHead {
        let log = publicKey.logName
        let signature = try key.signature(for: SignedTreeHead.signingInput(log: log, size: size, root: root, time: time))
        return SignedTreeHead(log: log, size: size, root: root, time: time, signature: Array(signature))
    }
}
