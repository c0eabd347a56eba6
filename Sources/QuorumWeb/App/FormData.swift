import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body, in order; a name may repeat
/// (a group of checkboxes).
struct FormData: Sendable {
    private(set) var fields: [(String, String)] = []
    /// Files of a multipart form.
    private(set) var files: [UploadedFile] = []

    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            fields.append((name, value))
        }
    }

    /// The owner's forms (binding, ballot, sign-out): small, but for the cast's drawn signature.
    static let ownerLimit = 64 * 1024

    /// Reads a request's form body, refusing one larger than `limit` bytes (413, before
    /// anything is done with it).
    static func read(_ request: Request, context: some RequestContext, limit: Int = 512 * 1024) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: limit)
        return FormData(String(buffer: buffer))
    }

    mutating func attach(_ file: UploadedFile) {
        files.append(file)
    }

    mutating func append(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    subscript(name: String) -> String? {
        fields.first { $0.0 == name }?.1
    }

    func all(_ name: String) -> [String] {
        fields.filter { $0.0 == name }.map(\.1)
    }

    private static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                if let high = iterator.next(), let low = iterator.next(), let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                }
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
