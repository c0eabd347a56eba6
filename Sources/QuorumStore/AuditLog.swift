import QuorumCore
import SQLKit

/// The audit log in the database: append inside the caller's transaction, sign heads.
///
/// Every append and every signing starts by updating the one row of `audit_state`. That
/// takes its lock: PostgreSQL's row lock, SQLite's database write lock (which a transaction
/// begun by `transaction(on:)` holds from `BEGIN IMMEDIATE`). So appends from any number of
/// requests, or of app instances on one PostgreSQL, queue there and the log comes out as
/// one sequence without gaps or duplicate indexes; a rolled-back transaction leaves no trace.
extension Store {
    /// Appends entries, in order, as part of the transaction open on `db` (a ballot and its
    /// entry are written together or not at all). Returns their indexes. On SQLite the
    /// transaction must have been begun with `BEGIN IMMEDIATE` (`transaction(on:)` does).
    ///
    /// The entries are not yet under a signed head: call `signTreeHead(on:)` in the same
    /// transaction, or `signTreeHead()` after it, to give the receipt its head.
    @discardableResult
    public func appendToLog(_ entries: [LogEntry], on db: any SQLDatabase) async throws -> Range<Int> {
        guard !entries.isEmpty else {
            let size = try await lockLog(adding: 0, on: db).size
            return size..<size
        }
        let (newSize, oldFrontier) = try await lockLog(adding: entries.count, on: db)
        let start = newSize - entries.count
        var frontier = oldFrontier
        var entryRows: [[any SQLExpression]] = []
        var nodeRows: [[any SQLExpression]] = []
        entryRows.reserveCapacity(entries.count)
        for (offset, entry) in entries.enumerated() {
            let index = start + offset
            let text = entry.json(index: index).canonical
            let leaf = Merkle.leafHash(text.utf8)
            entryRows.append([
                SQLBind(Int64(index)), SQLBind(entry.event.kind), SQLBind(entry.vote), SQLBind(text), SQLBind(hex(leaf)),
            ])
            for (node, hash) in frontier.append(leaf) { nodeRows.append([SQLBind(node.id), SQLBind(hex(hash))]) }
        }
        // A few hundred rows a statement: well under both databases' limits on parameters.
        for chunk in entryRows.chunks(of: 400) {
            try await db.insert(into: "audit_entries").columns("entry_index", "kind", "vote", "entry", "leaf_hash")
                .rows(chunk).run()
        }
        for chunk in nodeRows.chunks(of: 1000) {
            try await db.insert(into: "audit_nodes").columns("id", "hash").rows(chunk).run()
        }
        try await db.raw(
            "UPDATE audit_state SET frontier = \(bind: Self.frontierText(frontier)) WHERE id = 1"
        ).run()
        return start..<newSize
    }

    /// Appends entries in a transaction of their own and signs a head over them.
    @discardableResult
    public func appendToLog(_ entries: [LogEntry]) async throws -> (indexes: Range<Int>, head: SignedTreeHead?) {
        try await withConnection { db in
            try await transaction(on: db) {
                let indexes = try await appendToLog(entries, on: db)
                return .commit((indexes, try await signTreeHead(on: db)))
            }
        }
    }

    /// Signs the log as it stands in the transaction open on `db`, unless the latest head
    /// already covers every entry (then that head). Nil while the log is empty.
    @discardableResult
    public func signTreeHead(on db: any SQLDatabase) async throws -> SignedTreeHead? {
        let (size, frontier) = try await lockLog(adding: 0, on: db)
        guard size > 0 else { return nil }
        let key = try await logSigningKey(on: db)
        let latest = try await latestHead(on: db, key: key.publicKey)
        if let latest, latest.size == size { return latest }
        // Heads never go back in time, even if the clock does.
        let time = max(clock(), latest?.time ?? clock())
        let head = try key.sign(size: size, root: frontier.root, time: time)
        try await db.raw(
            """
            INSERT INTO audit_heads (size, root, time, signature) VALUES
            (\(bind: Int64(size)), \(bind: hex(head.root)), \(bind: time.millisecondsSinceEpoch), \(bind: ByteText.base64(head.signature)))
            """
        ).run()
        return head
    }

    /// Signs the log as it stands, in a transaction of its own (see `signTreeHead(on:)`).
    @discardableResult
    public func signTreeHead() async throws -> SignedTreeHead? {
        try await withConnection { db in
            try await transaction(on: db) { .commit(try await signTreeHead(on: db)) }
        }
    }

    /// A head covering entry `index`: the latest if it does, else a new one. What a receipt
    /// page asks for after the ballot's transaction committed.
    public func treeHead(covering index: Int) async throws -> SignedTreeHead {
        if let latest = try await latestHead(), latest.size > index { return latest }
        guard let head = try await signTreeHead(), head.size > index else { throw AuditLogError.outOfRange }
        return head
    }

    /// The latest signed head, nil before the first.
    public func latestHead() async throws -> SignedTreeHead? {
        try await withConnection { db in try await latestHead(on: db, key: try await logSigningKey(on: db).publicKey) }
    }

    func latestHead(on db: any SQLDatabase, key: LogPublicKey) async throws -> SignedTreeHead? {
        try await heads(on: db, key: key, after: nil, upTo: nil, latestOnly: true).first
    }

    /// Takes the log's lock and adds `count` to its size; returns the new size and the
    /// frontier of the old one.
    private func lockLog(adding count: Int, on db: any SQLDatabase) async throws -> (size: Int, frontier: MerkleFrontier) {
        guard
            let row = try await db.raw(
                "UPDATE audit_state SET size = size + \(bind: Int64(count)) WHERE id = 1 RETURNING size, frontier"
            ).first()
        else { throw StoreError.notMigrated }
        let size = Int(try row.decode(column: "size", as: Int64.self))
        let hashes = try row.decode(column: "frontier", as: String.self)
        let oldSize = size - count
        let nodes = Merkle.nodes(of: 0..<oldSize)
        let bytes = ByteText.bytes(hex: hashes) ?? []
        guard bytes.count == nodes.count * 32 else { throw AuditLogError.outOfRange }
        let frontier = MerkleFrontier(size: oldSize) { node in
            let position = nodes.firstIndex(of: node)! * 32
            return Array(bytes[position..<(position + 32)])
        }
        return (size, frontier)
    }

    static func frontierText(_ frontier: MerkleFrontier) -> String {
        hex(frontier.nodes.flatMap(\.hash))
    }
}

extension Array {
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
