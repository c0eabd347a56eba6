import Crypto

/// A commitment to a ballot's choices: the log holds it instead of the choices, the voter
/// holds the salt. Without the salt the few possible ballots cannot be tried against it;
/// with it, the voter (or anyone they show their receipt) can check it.
///
///     commitment = SHA-256(salt ‖ canonical choices)
///
/// where the salt is 32 random bytes and the canonical choices are the UTF-8 bytes of
/// `BallotChoices.canonicalJSON` (docs/AUDIT-LOG.md).
public enum BallotCommitment {
    public static let saltLength = 32

    /// The commitment, as 64 lowercase hex digits.
    public static func make(_ choices: BallotChoices, salt: [UInt8]) -> String {
        precondition(salt.count == saltLength, "a commitment's salt is 32 bytes")
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: Array(choices.canonicalJSON.utf8))
        return ByteText.hex(hasher.finalize())
    }

    /// A fresh salt from a cryptographically secure generator.
    public static func salt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return salt(using: &generator)
    }

    /// A salt from the given generator (tests pass a seeded one).
    public static func salt(using generator: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<saltLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}

extension BallotChoices {
    /// A person's choices as JSON: an object from matter id to the English name of the
    /// option (`"agree"`), or to the sorted list of the chosen candidate ids (`["c1","c3"]`,
    /// `[]` for none). Candidates are in UTF-16 order, as canonical JSON sorts keys, so the
    /// order they were ticked in does not matter.
    public var json: JSONText {
        .object(
            marks.map { matter, mark in
                switch mark {
                case .option(let choice): (matter, .string(choice.rawValue))
                case .candidates(let ids): (matter, .array(ids.sorted(by: JSONText.precedes).map { .string($0) }))
                }
            })
    }

    /// Reads `json` back (a receipt carries it); nil if it is not that form.
    public init?(json: JSONText) {
        guard case .object(let members) = json else { return nil }
        var marks: [String: Mark] = [:]
        for (matter, value) in members {
            switch value {
            case .string(let text):
                guard let choice = Choice(rawValue: text) else { return nil }
                marks[matter] = .option(choice)
            case .array(let items):
                let ids = items.compactMap(\.stringValue)
                guard ids.count == items.count else { return nil }
                marks[matter] = .candidates(ids)
            default: return nil
            }
        }
        self.init(marks)
    }
}
