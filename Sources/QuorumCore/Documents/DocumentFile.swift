import Crypto

/// A file as the document store keeps it (文件: a notice's rules, later an invoice, a
/// contract, a facility's photo): its bytes, what they are — read from the first bytes, never
/// from the name or the browser's claim — and their SHA-256, by which the store keeps equal
/// bytes once and the audit log names them.
public struct DocumentFile: Sendable, Hashable {
    public static let maximumBytes = 10 * 1_048_576
    /// The most documents one subject may have.
    public static let maximumCount = 20

    public let bytes: [UInt8]
    public let mediaType: String
    /// 64 lowercase hex digits.
    public let sha256: String

    /// Refuses bytes larger than `maximumBytes` or of a type not accepted.
    public init(_ bytes: [UInt8]) throws(DocumentError) {
        guard bytes.count <= Self.maximumBytes else { throw .tooLarge(limit: Self.maximumBytes) }
        guard let type = Self.mediaType(of: bytes) else { throw .unknownType }
        (self.bytes, mediaType, sha256) = (bytes, type, ByteText.hex(SHA256.hash(data: bytes)))
    }

    /// The media type by the first bytes (magic numbers), or nil when it is not a PDF, PNG or JPEG.
    public static func mediaType(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }

    /// The name a download of a subject's document `number` goes by (issue 13): ours, with
    /// the extension of the type read from its bytes, never the name it was uploaded under
    /// (`vote-k3j9…-2.pdf`).
    public static func downloadName(of subject: Subject, number: Int, mediaType: String) -> String {
        let ending =
            switch mediaType {
            case "application/pdf": "pdf"
            case "image/png": "png"
            case "image/jpeg": "jpg"
            default: "bin"
            }
        return "\(subject.kind)-\(subject.id)-\(number).\(ending)"
    }
}

/// Why a document was refused.
public enum DocumentError: Error, Hashable, Sendable {
    case tooLarge(limit: Int)
    /// Not a PDF, PNG or JPEG by its first bytes.
    case unknownType
    case tooMany(limit: Int)
}
