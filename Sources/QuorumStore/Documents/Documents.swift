import Foundation
import QuorumCore
import SQLKit

/// A document attached to a subject, as lists show it.
public struct AttachedDocument: Sendable, Hashable {
    /// From 1, in the order attached to its subject.
    public var number: Int
    /// The name it was uploaded with.
    public var name: String
    public var mediaType: String
    public var size: Int
    /// 64 hex digits: what the audit log records (a notice names its documents by it).
    public var sha256: String
}

/// The one document store: every feature attaches its files here, to a `Subject`.
extension DocumentStore {
    /// Attaches a file to a subject, in the transaction open on `db` (where the caller checks
    /// its record and logs). Equal bytes are stored once. Refused past
    /// `DocumentFile.maximumCount` documents on one subject.
    public func attach(
        _ file: DocumentFile, named name: String, to subject: Subject, by actor: String, on db: any SQLDatabase
    ) async throws -> AttachedDocument {
        let count =
            try await db.raw("SELECT COUNT(*) AS n FROM document_attachments a WHERE \(Self.matching(subject))")
            .first(decodingColumn: "n", as: Int.self) ?? 0
        guard count < DocumentFile.maximumCount else { throw DocumentError.tooMany(limit: DocumentFile.maximumCount) }
        let now = clock().millisecondsSinceEpoch
        try await db.raw(
            """
            INSERT INTO documents (sha256, media_type, size, content, stored_at) VALUES (\(bind: file.sha256), \(bind: file.mediaType),
            \(bind: file.bytes.count), \(bind: Data(file.bytes)), \(bind: now)) ON CONFLICT (sha256) DO NOTHING
            """
        ).run()
        try await db.raw(
            """
            INSERT INTO document_attachments (estate_id, subject_kind, subject_id, number, name, sha256, uploaded_at, uploaded_by)
            VALUES (\(bind: subject.estate), \(bind: subject.kind), \(bind: subject.id), \(bind: count + 1), \(bind: name),
            \(bind: file.sha256), \(bind: now), \(bind: actor))
            """
        ).run()
        return AttachedDocument(number: count + 1, name: name, mediaType: file.mediaType, size: file.bytes.count, sha256: file.sha256)
    }

    /// The documents attached to a subject, by number.
    public func list(of subject: Subject) async throws -> [AttachedDocument] {
        try await withConnection { try await list(of: subject, on: $0) }
    }

    func list(of subject: Subject, on db: any SQLDatabase) async throws -> [AttachedDocument] {
        try await db.raw(
            """
            SELECT a.number, a.name, d.media_type, d.size, a.sha256 FROM document_attachments a JOIN documents d ON d.sha256 = a.sha256
            WHERE \(Self.matching(subject)) ORDER BY a.number
            """
        ).all().map(Self.attachment)
    }

    /// A subject's document by its number, with its bytes; nil when it has no such number.
    public func read(_ subject: Subject, number: Int) async throws -> (attachment: AttachedDocument, bytes: [UInt8])? {
        guard let attached = try await list(of: subject).first(where: { $0.number == number }) else { return nil }
        return try await bytes(sha256: attached.sha256).map { (attached, $0) }
    }

    /// The bytes stored under a SHA-256 (64 hex digits), whatever they are attached to; nil when none are.
    public func bytes(sha256: String) async throws -> [UInt8]? {
        try await withConnection { db in
            try await db.raw("SELECT content FROM documents WHERE sha256 = \(bind: sha256)").first(decodingColumn: "content", as: Data.self)
                .map { Array($0) }
        }
    }

    /// The condition on `document_attachments a` that it is the subject's.
    private static func matching(_ subject: Subject) -> SQLQueryString {
        "a.estate_id = \(bind: subject.estate) AND a.subject_kind = \(bind: subject.kind) AND a.subject_id = \(bind: subject.id)"
    }

    private static func attachment(_ row: any SQLRow) throws -> AttachedDocument {
        AttachedDocument(
            number: try row.decode(column: "number", as: Int.self), name: try row.decode(column: "name", as: String.self),
            mediaType: try row.decode(column: "media_type", as: String.self), size: try row.decode(column: "size", as: Int.self),
            sha256: try row.decode(column: "sha256", as: String.self))
    }
}
