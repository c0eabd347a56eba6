import QuorumCore
import SQLKit

/// The audit log in the database: append inside the caller's transaction, sign heads.
///
/// Every append and every signing starts by updating the one row of `audit_state`. That
/// takes its lock: PostgreSQL's row lock, SQLite's database write lock (which a transaction
/// begun by `transaction(on:)` holds from `BEGIN IMMEDIATE`). So appends from any number of
/// requests, or of app instances on one PostgreSQL, queue there and the log comes out as
/// one sequence without gaps or duplicate indexes; a rolled-back transaction leaves no trace.
extension LogStore {
    /// Appends entries, in order, as part of the transaction open on `db` (a ballot and its
    /// entry are written together or not at all). Returns their indexes. On SQLite the
    /// transaction must have been begun with `BEGIN IMMEDIATE` (`transaction(on:)` does).
    /// `subject` is kept beside each entry, not in its canonical JSON (so no hash changes);
    /// nil: the entry's vote, in its estate.
    ///
    /// The entries are not yet under a signed head: `appendAndSign(_:on:)` appends and
    /// signs at once, as the ballot cast path wants; or call `signTreeHead()` later.
    @discardableResult
    public func append(_ entries: [LogEntry], subject: Subject? = nil, on db: any SQLDatabase) async throws -> Range<Int> {
        var state = try await lockLog(adding: entries.count, on: db)
        let indexes = try await insert(entries, subject: subject, state: &state, on: db)
        try await save(state, on: db)
        return indexes
    }

    /// Appends entries and signs a head over the log with them, in the transaction open on
    /// `db`: the receipt's head, in the ballot's own transaction.
    public func appendAndSign(_ entries: [LogEntry], subject: Subject? = nil, on db: any SQLDatabase) async throws -> (
        indexes: Range<Int>, head: SignedTreeHead
    ) {
        guard !entries.isEmpty else {
            guard let head = try await signTreeHead(on: db) else { throw AuditLogError.emptyLog }
            return (head.size..<head.size, head)
        }
        var state = try await lockLog(adding: entries.count, on: db)
        let indexes = try await insert(entries, subject: subject, state: &state, on: db)
        let head = try await sign(&state, on: db)
        try await save(state, on: db)
        return (indexes, head)
    }

    /// Appends entries in a transaction of their own and signs a head over them.
    @discardableResult
    public func append(_ entries: [LogEntry], subject: Subject? = nil) async throws -> (indexes: Range<Int>, head: SignedTreeHead?) {
        try await writing { db in
            guard !entries.isEmpty else { return (0..<0, try await signTreeHead(on: db)) }
            let (indexes, head) = try await appendAndSign(entries, subject: subject, on: db)
            return (indexes, head)
        }
    }

    /// Signs the log as it stands in the transaction open on `db`, unless the latest head
    /// already covers every entry (then that head). Nil while the log is empty.
    @discardableResult
    public func signTreeHead(on db: any SQLDatabase) async throws -> SignedTreeHead? {
        var state = try await lockLog(adding: 0, on: db)
        guard state.frontier.size > 0 else { return nil }
        if state.headSize == state.frontier.size {
            return try await latestHead(on: db, key: try await keptPublicKey(on: db))
        }
        let head = try await sign(&state, on: db)
        try await save(state, on: db)
        return head
    }

    /// Signs the log as it stands, in a transaction of its own (see `signTreeHead(on:)`).
    @discardableResult
    public func signTreeHead() async throws -> SignedTreeHead? {
        try await writing { db in try await signTreeHead(on: db) }
    }

    /// A head covering entry `index`: the latest if it does, else a new one. What a receipt
    /// page asks for when the ballot's transaction did not sign.
    public func treeHead(covering index: Int) async throws -> SignedTreeHead {
        if let latest = try await latestHead(), latest.size > index { return latest }
        guard let head = try await signTreeHead(), head.size > index else { throw AuditLogError.outOfRange }
        return head
    }

    /// The latest signed head, nil before the first.
    public func latestHead() async throws -> SignedTreeHead? {
        try await withConnection { db in try await latestHead(on: db, key: try await keptPublicKey(on: db)) }
    }

    func latestHead(on db: any SQLDatabase, key: LogPublicKey) async throws -> SignedTreeHead? {
        try await heads(on: db, key: key, after: nil, upTo: nil, latestOnly: true).first
    }

    /// The log's lock row as read: its frontier grows as entries are inserted.
    private struct LogState {
        var frontier: MerkleFrontier
        var headSize: Int
        var headTime: Timestamp
    }

    /// Takes the log's lock and reserves `count` indexes; returns the state before them.
    private func lockLog(adding count: Int, on db: any SQLDatabase) async throws -> LogState {
        guard
            let row = try await db.raw(
                """
                UPDATE audit_state SET size = size + \(bind: Int64(count)) WHERE id = 1
                RETURNING size, frontier, head_size, head_time
                """
            ).first()
        else { throw StoreError.notMigrated }
        let oldSize = Int(try row.decode(column: "size", as: Int64.self)) - count
        let nodes = Merkle.nodes(of: 0..<oldSize)
        let bytes = ByteText.bytes(hex: try row.decode(column: "frontier", as: String.self)) ?? []
        guard bytes.count == nodes.count * 32 else { throw AuditLogError.outOfRange }
        var position = 0
        let frontier = MerkleFrontier(size: oldSize) { _ in
            defer { position += 32 }
            return Array(bytes[position..<(position + 32)])
        }
        return LogState(
            frontier: frontier, headSize: Int(try row.decode(column: "head_size", as: Int64.self)),
            headTime: Timestamp(millisecondsSinceEpoch: try row.decode(column: "head_time", as: Int64.self)))
    }

    /// Inserts the entries at the end of the log, and the subtrees they complete.
    private func insert(
        _ entries: [LogEntry], subject: Subject?, state: inout LogState, on db: any SQLDatabase
    ) async throws -> Range<Int> {
        let start = state.frontier.size
        var entryRows: [[any SQLExpression]] = []
        var nodeRows: [[any SQLExpression]] = []
        entryRows.reserveCapacity(entries.count)
        for (offset, entry) in entries.enumerated() {
            let index = start + offset
            let text = entry.json(index: index).canonical
            let leaf = Merkle.leafHash(text.utf8)
            let estate: any SQLExpression =
                subject.map { SQLBind($0.estate) }
                ?? SQLQueryString("COALESCE((SELECT estate_id FROM votes WHERE id = \(bind: entry.vote)), 0)")
            entryRows.append([
                SQLBind(Int64(index)), SQLBind(entry.event.kind), SQLBind(entry.vote), SQLBind(text), SQLBind(hex(leaf)), estate,
                SQLBind(subject?.kind ?? (entry.vote.isEmpty ? "" : "vote")), SQLBind(subject?.id ?? entry.vote),
            ])
            for (node, hash) in state.frontier.append(leaf) { nodeRows.append([SQLBind(node.id), SQLBind(hex(hash))]) }
        }
        // A few hundred rows a statement: well under both databases' limits on parameters.
        for chunk in entryRows.chunks(of: 400) {
            try await db.insert(into: "audit_entries").columns(
                "entry_index", "kind", "vote", "entry", "leaf_hash", "estate_id", "subject_kind", "subject_id"
            )
            .rows(chunk).run()
        }
        for chunk in nodeRows.chunks(of: 1000) {
            try await db.insert(into: "audit_nodes").columns("id", "hash").rows(chunk).run()
        }
        return start..<state.frontier.size
    }

    /// Signs the tree of the state's frontier and stores the head.
    private func sign(_ state: inout LogState, on db: any SQLDatabase) async throws -> SignedTreeHead {
        let key = try await logSigningKey(on: db)
        // Heads never go back in time, even if the clock does.
        let time = max(clock(), state.headTime)
        let head = try key.sign(size: state.frontier.size, root: state.frontier.root, time: time)
        try await db.raw(
            """
            INSERT INTO audit_heads (size, root, time, signature) VALUES (\(bind: Int64(head.size)), \(bind: hex(head.root)),
            \(bind: time.millisecondsSinceEpoch), \(bind: ByteText.base64(head.signature)))
            """
        ).run()
        state.headSize = head.size
        state.headTime = time
        return head
    }

    private func save(_ state: LogState, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE audit_state SET frontier = \(bind: hex(state.frontier.nodes.flatMap(\.hash))),
            head_size = \(bind: Int64(state.headSize)), head_time = \(bind: state.headTime.millisecondsSinceEpoch) WHERE id = 1
            """
        ).run()
    }
}

extension Array {
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
