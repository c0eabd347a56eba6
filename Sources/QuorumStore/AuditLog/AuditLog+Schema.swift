import SQLKit

/// The audit log (docs/AUDIT-LOG.md): its entries, the hashes of its complete subtrees, its
/// signed heads, and one row that every append locks.
@Sendable func createAuditLogTables(_ db: any SQLDatabase) async throws {
    // The lock row: every append and every signing updates it first, so concurrent writers,
    // in one process or several, queue there and indexes come out without gaps. `size` is
    // the number of entries; `frontier` the hex hashes of the complete subtrees that make up
    // the tree of those entries (Merkle.nodes(of: 0..<size)), so an append needs no lookup;
    // `head_size` and `head_time` those of the latest signed head (0 before the first).
    try await db.create(table: "audit_state")
        .column("id", type: .int, .primaryKey(autoIncrement: false))
        .column("size", type: .bigint, .notNull)
        .column("frontier", type: .text, .notNull)
        .column("head_size", type: .bigint, .notNull)
        .column("head_time", type: .bigint, .notNull)
        .run()
    try await db.raw("INSERT INTO audit_state (id, size, frontier, head_size, head_time) VALUES (1, 0, '', 0, 0)").run()

    // One row per entry: its canonical JSON exactly as hashed, and its leaf hash (hex).
    try await db.create(table: "audit_entries")
        .column("entry_index", type: .bigint, .primaryKey(autoIncrement: false))
        .column("kind", type: .text, .notNull)
        .column("vote", type: .text, .notNull)
        .column("entry", type: .text, .notNull)
        .column("leaf_hash", type: .text, .notNull)
        .run()
    try await db.create(index: "audit_entries_vote").on("audit_entries").column("vote").column("kind").run()

    // The hash of every complete subtree of two or more leaves, keyed by MerkleNode.id
    // (level in the top bits, then the position): any proof is a few indexed lookups.
    try await db.create(table: "audit_nodes")
        .column("id", type: .bigint, .primaryKey(autoIncrement: false))
        .column("hash", type: .text, .notNull)
        .run()

    // Signed tree heads, one per size; the root (hex) and the Ed25519 signature (base64)
    // over the signing input of SignedTreeHead.
    try await db.create(table: "audit_heads")
        .column("size", type: .bigint, .primaryKey(autoIncrement: false))
        .column("root", type: .text, .notNull)
        .column("time", type: .bigint, .notNull)
        .column("signature", type: .text, .notNull)
        .run()
}

/// Each entry's subject, beside it (docs/DECISIONS.md): the estate, and a record by kind and
/// id. Entries from before it are about their vote, in the vote's estate.
@Sendable func addLogSubject(_ db: any SQLDatabase) async throws {
    try await db.raw("ALTER TABLE audit_entries ADD COLUMN estate_id BIGINT NOT NULL DEFAULT 0").run()
    try await db.raw("ALTER TABLE audit_entries ADD COLUMN subject_kind TEXT NOT NULL DEFAULT ''").run()
    try await db.raw("ALTER TABLE audit_entries ADD COLUMN subject_id TEXT NOT NULL DEFAULT ''").run()
    try await db.raw("UPDATE audit_entries SET subject_kind = 'vote', subject_id = vote WHERE vote <> ''").run()
    try await db.raw(
        "UPDATE audit_entries SET estate_id = COALESCE((SELECT v.estate_id FROM votes v WHERE v.id = audit_entries.vote), 0)"
    ).run()
    try await db.create(index: "audit_entries_subject").on("audit_entries").column("estate_id").column("subject_kind")
        .column("subject_id").run()
}
