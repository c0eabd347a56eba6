import Crypto
import Foundation
import SQLKit

/// The one document store (migration 007): each file once, by the SHA-256 of its bytes, and
/// its attachments to subjects (a vote; later a ledger entry, a facility, a draft).
@Sendable func createDocumentTables(_ db: any SQLDatabase) async throws {
    // Content-addressed: equal bytes are one row however often they are attached. The type
    // is the one read from the bytes; the bytes as they are (BLOB, PostgreSQL's BYTEA).
    try await db.create(table: "documents")
        .column("sha256", type: .text, .primaryKey(autoIncrement: false))
        .column("media_type", type: .text, .notNull)
        .column("size", type: .bigint, .notNull)
        .column("content", type: .blob, .notNull)
        .column("stored_at", type: .bigint, .notNull)
        .run()
    // A document attached to a subject (the estate, a kind and an id, as the audit log's
    // subject), numbered from 1 in the order attached, under the name it was uploaded with.
    try await db.create(table: "document_attachments")
        .column("estate_id", type: .bigint, .notNull)
        .column("subject_kind", type: .text, .notNull)
        .column("subject_id", type: .text, .notNull)
        .column("number", type: .int, .notNull)
        .column("name", type: .text, .notNull)
        .column("sha256", type: .text, .notNull, .references("documents", "sha256"))
        .column("uploaded_at", type: .bigint, .notNull)
        .column("uploaded_by", type: .text, .notNull)
        .primaryKey("estate_id", "subject_kind", "subject_id", "number")
        .run()
}

/// Migration 007: the tables above, and every document of a vote moved onto them from
/// `vote_documents` (migration 005) with its number, name, hash and upload unchanged; then
/// that table is dropped.
@Sendable func moveVoteDocuments(_ db: any SQLDatabase) async throws {
    try await createDocumentTables(db)
    // One file at a time, so that memory holds the largest file, not all of them.
    for sha256 in try await db.raw("SELECT DISTINCT sha256 FROM vote_documents").all(decodingColumn: "sha256", as: String.self) {
        let row = try await db.raw(
            "SELECT media_type, content, uploaded_at FROM vote_documents WHERE sha256 = \(bind: sha256) ORDER BY uploaded_at LIMIT 1"
        ).first()
        guard let row, let bytes = Data(base64Encoded: try row.decode(column: "content", as: String.self)),
            hex(SHA256.hash(data: bytes)) == sha256
        else { throw StoreError.corrupt("vote_documents \(sha256)") }
        try await db.raw(
            """
            INSERT INTO documents (sha256, media_type, size, content, stored_at) VALUES (\(bind: sha256),
            \(bind: try row.decode(column: "media_type", as: String.self)), \(bind: bytes.count), \(bind: bytes),
            \(bind: try row.decode(column: "uploaded_at", as: Int64.self)))
            """
        ).run()
    }
    try await db.raw(
        """
        INSERT INTO document_attachments (estate_id, subject_kind, subject_id, number, name, sha256, uploaded_at, uploaded_by)
        SELECT COALESCE(v.estate_id, 0), 'vote', d.vote_id, d.number, d.name, d.sha256, d.uploaded_at, d.uploaded_by
        FROM vote_documents d LEFT JOIN votes v ON v.id = d.vote_id
        """
    ).run()
    try await db.raw("DROP TABLE vote_documents").run()
}
