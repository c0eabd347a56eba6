/// Why setting a vote up was refused.
public enum SetupError: Error, Hashable, Sendable {
    case notDraft
    /// The vote would open before the notice has stood 15 full days.
    case noticeTooShort(earliestOpening: Timestamp)
    case windowInvalid
    case definition([InputError])
    case noMatters
    case documentTooLarge(limit: Int)
    case documentType
    case tooManyDocuments(limit: Int)
    case noRegister
}

/// Why a result cannot be published.
public enum ResultError: Error, Hashable, Sendable {
    case notCounted
    case alreadyPublished
    case objectionPeriod(until: Timestamp)
    case notPreliminary
    /// A file naming units or owners, asked for before the count (`VoteFile`).
    case sealedUntilCounted(VoteFile)
}

/// Limits on the documents attached to a vote's notice, and the types accepted.
public enum DocumentLimits {
    public static let maximumBytes = 10 * 1_048_576
    public static let maximumCount = 20

    /// The media type of a document by its first bytes (what it is, not what it is called),
    /// or nil when it is not a PDF, PNG or JPEG.
    public static func mediaType(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }
}
