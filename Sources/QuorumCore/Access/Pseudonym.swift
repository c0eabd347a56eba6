import Crypto

/// Keyed hashes that stand for a person (HMAC-SHA256-128 under the personal-data key): equal
/// inputs give equal hashes, and without the key a hash says nothing about whom it stands for.
public enum Pseudonym {
    /// The hash of `bytes` under a key already absorbed into `key`: its first 128 bits as 32
    /// lowercase hex digits (no two of a city's ten million numbers will share it, and every
    /// row and index holding it is half the size).
    public static func hash(_ bytes: some Sequence<UInt8>, key: HMAC<SHA256>) -> String {
        var hmac = key
        hmac.update(data: Array(bytes))
        return ByteText.hex(hmac.finalize().prefix(16))
    }

    /// The pseudonymous voter id of a voting person in a vote, over `quorum-voter`, the vote id
    /// and the person's key, separated by unit separators (U+001F). The same person gets the
    /// same id within a vote (so a conflict can be logged) and unrelated ids across votes.
    public static func voter(vote: String, person: String, key: HMAC<SHA256>) -> String {
        hash("quorum-voter\u{1F}\(vote)\u{1F}\(person)".utf8, key: key)
    }
}
