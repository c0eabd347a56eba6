import QuorumCore
import SQLKit

/// Reading the audit log: proofs from the stored subtree hashes, the export, and the check
/// of the whole log as stored.
extension LogStore {
    /// The number of entries in the log (committed ones).
    public func size() async throws -> Int {
        try await withConnection { try await size(on: $0) }
    }

    func size(on db: any SQLDatabase) async throws -> Int {
        guard let size = try await db.raw("SELECT size FROM audit_state WHERE id = 1").first(decodingColumn: "size", as: Int64.self)
        else { throw StoreError.notMigrated }
        return Int(size)
    }

    /// The RFC 9162 inclusion proof of entry `index` in the tree of the first `treeSize`
    /// entries: one indexed query, whatever the size of the log.
    public func inclusionProof(index: Int, treeSize: Int) async throws -> [MerkleHash] {
        guard index >= 0, index < treeSize else { throw AuditLogError.outOfRange }
        return try await proof(Merkle.inclusionRanges(index: index, size: treeSize), treeSize: treeSize)
    }

    /// The RFC 9162 consistency proof from the tree of `from` entries to that of `to`.
    public func consistencyProof(from: Int, to: Int) async throws -> [MerkleHash] {
        guard from > 0, from <= to else { throw AuditLogError.outOfRange }
        return try await proof(Merkle.consistencyRanges(oldSize: from, newSize: to), treeSize: to)
    }

    /// The hashes of these subtrees of the tree of `treeSize` entries.
    private func proof(_ ranges: [Range<Int>], treeSize: Int) async throws -> [MerkleHash] {
        let nodes = Merkle.nodes(covering: ranges)
        let (found, size) = try await withConnection { try await hashes(of: nodes, on: $0) }
        guard treeSize <= size, found.count == nodes.count, found.values.allSatisfy({ $0.count == 32 }) else {
            throw AuditLogError.outOfRange
        }
        return ranges.map { Merkle.hash(of: $0) { found[$0]! } }
    }

    /// The stored hashes of complete subtrees, and the log's size, in one query: leaves from
    /// the entries (a leaf's `MerkleNode.id` is its index), larger ones from `audit_nodes`.
    func hashes(of nodes: [MerkleNode], on db: any SQLDatabase) async throws -> (hashes: [MerkleNode: MerkleHash], size: Int) {
        // -1 matches nothing and keeps either list from being empty; -2 marks the size.
        let leaves = [-1] + nodes.filter { $0.level == 0 }.map(\.id)
        let larger = [-1] + nodes.filter { $0.level > 0 }.map(\.id)
        let rows = try await db.raw(
            """
            SELECT entry_index AS id, leaf_hash AS hash FROM audit_entries WHERE entry_index IN (\(binds: leaves))
            UNION ALL SELECT id, hash FROM audit_nodes WHERE id IN (\(binds: larger))
            UNION ALL SELECT -2, CAST(size AS TEXT) FROM audit_state WHERE id = 1
            """
        ).all()
        var found: [MerkleNode: MerkleHash] = [:]
        var size = 0
        for row in rows {
            let id = try row.decode(column: "id", as: Int64.self)
            let text = try row.decode(column: "hash", as: String.self)
            if id == -2 {
                size = Int(text) ?? 0
            } else {
                found[MerkleNode(id: id)] = ByteText.bytes(hex: text) ?? []
            }
        }
        return (found, size)
    }

    /// The first signed head covering the vote's first entry of this kind (`last`: its last):
    /// for a publication, the head its own transaction signed (`appendAndSign`), which the
    /// notice and the result show so that the paper posted is a witness (docs/DECISIONS.md).
    /// Nil when there is no such entry or no head covers it yet.
    public func head(covering kind: String, of vote: String, last: Bool = false) async throws -> SignedTreeHead? {
        try await withConnection { db in
            let entry = db.select().column("entry_index").from("audit_entries").where("vote", .equal, vote).where("kind", .equal, kind)
                .orderBy("entry_index", last ? .descending : .ascending).limit(1)
            guard let index = try await entry.first(decodingColumn: "entry_index", as: Int64.self) else { return nil }
            return try await heads(on: db, key: try await keptPublicKey(on: db), after: Int(index), upTo: nil, latestOnly: false).first
        }
    }

    /// Writes the log in the export format (`LogExport`): the header, then every entry as
    /// stored and every head after the entries it covers, in pages, so memory stays small.
    /// A head is signed first if the newest entries have none, so that the export proves them.
    /// With `estates` (a staff member's download, issue 13), an entry of any other estate, or
    /// of none, is withheld: its line carries its leaf hash only, and every head still verifies.
    public func export(showing estates: Set<Int64>? = nil, _ write: (String) async throws -> Void) async throws {
        try await signTreeHead()
        try await withConnection { db in
            let key = try await keptPublicKey(on: db)
            try await write(LogExport.headerLine(key: key))
            var page = ""
            try await forEachLogItem(on: db, key: key) { item in
                switch item {
                case .entry(let index, let text, let leaf, let estate):
                    if let estates, !estates.contains(estate) {
                        page += LogExport.withheldLine(index: index, leaf: ByteText.bytes(hex: leaf) ?? [])
                    } else {
                        page += text + "\n"
                    }
                case .head(let head): page += LogExport.headLine(head)
                }
                if page.utf8.count > 1 << 20 {
                    try await write(page)
                    page = ""
                }
                return true
            }
            if !page.isEmpty { try await write(page) }
        }
    }

    /// Checks the log as stored, end to end (`LogVerifier`), stored leaf hashes included.
    /// `expectedKey` (a key published elsewhere) guards against a replaced key.
    public func verify(expectedKey: LogPublicKey? = nil, collectingBallots: Bool = false, copied: CopiedHead? = nil) async throws -> (
        result: Result<LogSummary, LogProblem>, verifier: LogVerifier
    ) {
        try await withConnection { db in
            let key = try await keptPublicKey(on: db)
            var verifier = LogVerifier(key: key, collectsBallots: collectingBallots, copied: copied)
            if let expectedKey, expectedKey != key {
                verifier.fail(.header, .otherKey(expected: expectedKey.keyID, found: key.keyID))
                return (await verifier.finish(), verifier)
            }
            try await forEachLogItem(on: db, key: key) { item in
                switch item {
                case .entry(_, let text, let leaf, _): verifier.entry(Array(text.utf8), storedLeaf: ByteText.bytes(hex: leaf) ?? [])
                case .head(let head): verifier.head(head)
                }
                return !verifier.hasFailed
            }
            return (await verifier.finish(), verifier)
        }
    }

    enum LogItem {
        case entry(index: Int, text: String, leafHash: String, estate: Int64)
        case head(SignedTreeHead)
    }

    /// Every entry row in index order, each head after as many rows as its size (so a
    /// deleted row shows as a missing index before the head that covers it), pages of
    /// 10,000 rows. `body` returns false to stop.
    private func forEachLogItem(on db: any SQLDatabase, key: LogPublicKey, _ body: (LogItem) async throws -> Bool) async throws {
        var rowsSeen = 0
        var nextIndex: Int64 = 0
        var headsAfter = 0
        var pendingHeads: [SignedTreeHead] = []
        func emitHeads(upTo count: Int) async throws -> Bool {
            while true {
                if pendingHeads.isEmpty {
                    pendingHeads = try await heads(on: db, key: key, after: headsAfter, upTo: nil, latestOnly: false, limit: 10_000)
                    guard let last = pendingHeads.last else { return true }
                    headsAfter = last.size
                }
                guard let head = pendingHeads.first, head.size <= count else { return true }
                pendingHeads.removeFirst()
                guard try await body(.head(head)) else { return false }
            }
        }
        while true {
            let rows = try await db.raw(
                """
                SELECT entry_index, entry, leaf_hash, estate_id FROM audit_entries WHERE entry_index >= \(bind: nextIndex)
                ORDER BY entry_index LIMIT 10000
                """
            ).all()
            guard !rows.isEmpty else { break }
            for row in rows {
                let index = try row.decode(column: "entry_index", as: Int64.self)
                let item = LogItem.entry(
                    index: Int(index), text: try row.decode(column: "entry", as: String.self),
                    leafHash: try row.decode(column: "leaf_hash", as: String.self),
                    estate: try row.decode(column: "estate_id", as: Int64.self))
                guard try await body(item) else { return }
                rowsSeen += 1
                nextIndex = index + 1
                guard try await emitHeads(upTo: rowsSeen) else { return }
            }
        }
        _ = try await emitHeads(upTo: .max)
    }

    /// Signed heads by size, as stored; a row that no longer decodes becomes a head whose
    /// signature cannot hold, so that the verifier names it.
    func heads(
        on db: any SQLDatabase, key: LogPublicKey, after: Int?, upTo: Int?, latestOnly: Bool, limit: Int = 1
    ) async throws -> [SignedTreeHead] {
        let query = db.select().columns("size", "root", "time", "signature").from("audit_heads")
        if let after { query.where("size", .greaterThan, Int64(after)) }
        if let upTo { query.where("size", .lessThanOrEqual, Int64(upTo)) }
        query.orderBy("size", latestOnly ? .descending : .ascending).limit(latestOnly ? 1 : limit)
        return try await query.all().map { row in
            SignedTreeHead(
                log: key.logName, size: Int(try row.decode(column: "size", as: Int64.self)),
                root: ByteText.bytes(hex: try row.decode(column: "root", as: String.self)) ?? [],
                time: Timestamp(millisecondsSinceEpoch: try row.decode(column: "time", as: Int64.self)),
                signature: ByteText.bytes(base64: try row.decode(column: "signature", as: String.self)) ?? [])
        }
    }
}
