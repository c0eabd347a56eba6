/// Checks a log end to end as it streams past, entries and signed heads in their order:
/// every entry is canonical, of a known kind and at its index (the leaf hash is computed
/// from its bytes, and compared with the stored one when there is one); every head is
/// larger and not older than the one before, names this log, signs the root of exactly the
/// entries before it, and is consistent with the previous head (RFC 9162 proof). It stops
/// at the first problem; `finish()` then checks the signatures, in parallel, and reports
/// whichever problem comes first in the log.
///
/// Memory is O(log n) plus the entries since the last head (and the ballots, if asked).
public struct LogVerifier: Sendable {
    public let key: LogPublicKey
    /// Keep every ballot and conflict entry, for `LogBallots.check`.
    public let collectsBallots: Bool
    /// A head copied from a notice (`--head`): the log must be consistent with it.
    public let copied: CopiedHead?

    private var frontier = MerkleFrontier()
    private var previous: (head: SignedTreeHead, number: Int, frontier: [MerkleNode: MerkleHash])?
    private var leavesSinceHead: [MerkleHash] = []
    private var heads: [(head: SignedTreeHead, number: Int, position: Int)] = []
    private var position = 0
    /// The edge of the tree at the copied head's size, once the log has reached it; nil again once checked.
    private var copiedEdge: [MerkleNode: MerkleHash]?
    private var problem: (position: Int, problem: LogProblem)?
    public private(set) var ballots: [Int: (vote: String, time: Timestamp, ballot: LoggedBallot)] = [:]
    /// Ballot entries that a conflict entry says do not count.
    public private(set) var ignoredBallots: Set<Int> = []

    public init(key: LogPublicKey, collectsBallots: Bool = false, copied: CopiedHead? = nil) {
        self.key = key
        self.collectsBallots = collectsBallots
        self.copied = copied
    }

    /// Entries read so far.
    public var entries: Int { frontier.size }
    /// Of them, those the export withheld, given by their leaf hash only (`LogExport.withheldLine`).
    public private(set) var withheld = 0
    public var hasFailed: Bool { problem != nil }

    /// The next entry, as the bytes of its canonical JSON; `line` for messages (0: none);
    /// `storedLeaf` when the entry comes from a table that keeps its leaf hash.
    public mutating func entry(_ bytes: [UInt8], in range: Range<Int>? = nil, line: Int = 0, storedLeaf: MerkleHash? = nil) {
        guard problem == nil else { return }
        position += 1
        let expected = frontier.size
        guard let json = CanonicalJSONReader.parse(bytes, in: range) else { return fail(.entry(expected), .unreadable(line: line)) }
        // A withheld entry (an export's, never the database's): its leaf as given.
        if storedLeaf == nil, let (index, leaf) = LogExport.withheld(json) {
            if index != expected { return fail(.entry(expected), .outOfPlace(found: index)) }
            withheld += 1
            frontier.append(leaf)
            leavesSinceHead.append(leaf)
            return
        }
        guard let (index, entry) = LogEntry.read(json) else { return fail(.entry(expected), .unreadable(line: line)) }
        // A deleted, repeated or moved entry: which of them, only the rest of the log could tell.
        if index != expected { return fail(.entry(expected), .outOfPlace(found: index)) }
        let leaf = range.map { Merkle.leafHash(bytes[$0]) } ?? Merkle.leafHash(bytes)
        if let storedLeaf, storedLeaf != leaf { return fail(.entry(index), .leafMismatch) }
        if collectsBallots {
            switch entry.event {
            case .ballot(let ballot): ballots[index] = (entry.vote, entry.time, ballot)
            case .conflict(let voter, let counted, let ignored):
                let named = [counted, ignored].map { ballots[$0] }
                guard counted != ignored, named.allSatisfy({ $0?.vote == entry.vote && $0?.ballot.voter == voter }) else {
                    return fail(.entry(index), .badConflict)
                }
                ignoredBallots.insert(ignored)
            default: break
            }
        }
        frontier.append(leaf)
        leavesSinceHead.append(leaf)
        if frontier.size == copied?.size { copiedEdge = Dictionary(uniqueKeysWithValues: frontier.nodes.map { ($0.node, $0.hash) }) }
    }

    /// The next signed head.
    public mutating func head(_ head: SignedTreeHead) {
        guard problem == nil else { return }
        position += 1
        let number = heads.count + 1
        let place = LogProblem.Place.head(number: number, size: head.size)
        if head.log != key.logName { return fail(place, .otherLog(head.log)) }
        if let previous {
            if head.size <= previous.head.size { return fail(place, .notGrowing(previous: previous.head.size)) }
            if head.time < previous.head.time { return fail(place, .timeGoesBack) }
        }
        heads.append((head, number, position))
        if head.size > frontier.size { return fail(place, .beyondEntries(present: frontier.size)) }
        if head.size < frontier.size { return fail(place, .notGrowing(previous: frontier.size)) }
        let oldSize = previous?.head.size ?? 0
        if head.root != frontier.root {
            // A head that is not even validly signed was changed itself; say so rather than
            // blame the entries under it.
            if !head.isSigned(by: key) { return fail(place, .badSignature) }
            return fail(head.size - oldSize == 1 ? .entry(oldSize) : place, .rootMismatch(entries: oldSize..<head.size))
        }
        // The first signed head at or beyond the copied one must extend it.
        if let copied, copiedEdge != nil, head.size >= copied.size {
            guard copiedConsistent(to: head.size, root: head.root) else {
                return fail(.copiedHead(size: copied.size), .copiedInconsistent(head: head.size))
            }
            copiedEdge = nil
        }
        if let previous {
            // The RFC 9162 proof between the two heads, from the edge of the old tree and the
            // leaves since: what a witness holding only the heads would be shown.
            let proof = Merkle.consistencyProof(oldSize: oldSize, newSize: head.size) { node in
                if let old = previous.frontier[node] { return old }
                let leaves = node.leaves
                return Merkle.root(leavesSinceHead[(leaves.lowerBound - oldSize)..<(leaves.upperBound - oldSize)])
            }
            guard
                Merkle.verifyConsistency(
                    oldSize: oldSize, newSize: head.size, oldRoot: previous.head.root, newRoot: head.root, proof: proof)
            else { return fail(place, .inconsistent(previous: oldSize)) }
        }
        previous = (head, number, Dictionary(uniqueKeysWithValues: frontier.nodes.map { ($0.node, $0.hash) }))
        leavesSinceHead.removeAll(keepingCapacity: true)
    }

    /// The RFC 9162 consistency proof from the copied head to the tree of `size` entries with
    /// `root`, built from the log as a witness holding the copy would be shown it, and checked.
    /// The entries between the two are all since the last head before the copied one.
    private func copiedConsistent(to size: Int, root: MerkleHash) -> Bool {
        guard let copied, let edge = copiedEdge else { return false }
        let base = frontier.size - leavesSinceHead.count
        let proof = Merkle.consistencyProof(oldSize: copied.size, newSize: size) { node in
            if let old = edge[node] { return old }
            let leaves = node.leaves
            guard leaves.lowerBound >= base, leaves.upperBound <= frontier.size else { return [] }
            return Merkle.root(leavesSinceHead[(leaves.lowerBound - base)..<(leaves.upperBound - base)])
        }
        return Merkle.verifyConsistency(oldSize: copied.size, newSize: size, oldRoot: copied.root, newRoot: root, proof: proof)
    }

    /// A problem found outside the verifier (a row of the database that could not be read).
    public mutating func fail(_ place: LogProblem.Place, _ reason: LogProblem.Reason) {
        guard problem == nil else { return }
        problem = (position, LogProblem(place, reason))
    }

    /// The end of the log: checks every head's signature and returns the first problem in
    /// the log's order, or what was verified.
    public func finish() async -> Result<LogSummary, LogProblem> {
        let signed = heads.filter { problem == nil || $0.position <= problem!.position }
        if let bad = await Self.firstBadSignature(signed.map(\.head), key: key) {
            let head = signed[bad]
            let place = LogProblem.Place.head(number: head.number, size: head.head.size)
            if problem == nil || head.position <= problem!.position {
                return .failure(LogProblem(place, .badSignature))
            }
        }
        if let problem { return .failure(problem.problem) }
        if let copied {
            // Not reached: the log is shorter. Reached, no signed head since: the entries themselves must extend it.
            if frontier.size < copied.size { return .failure(LogProblem(.copiedHead(size: copied.size), .copiedBeyondLog(present: frontier.size))) }
            if copiedEdge != nil, !copiedConsistent(to: frontier.size, root: frontier.root) {
                return .failure(LogProblem(.copiedHead(size: copied.size), .copiedInconsistent(head: frontier.size)))
            }
        }
        return .success(LogSummary(entries: frontier.size, heads: heads.count, latest: previous?.head, withheld: withheld))
    }

    /// The position of the first head whose signature fails, checked in chunks on every core.
    static func firstBadSignature(_ heads: [SignedTreeHead], key: LogPublicKey) async -> Int? {
        let chunks = max(1, min(heads.count / 256, 64))
        return await withTaskGroup(of: Int?.self) { group in
            for chunk in 0..<chunks {
                group.addTask {
                    let range = (chunk * heads.count / chunks)..<((chunk + 1) * heads.count / chunks)
                    return range.first { !heads[$0].isSigned(by: key) }
                }
            }
            var first: Int?
            for await bad in group {
                if let bad, bad < first ?? .max { first = bad }
            }
            return first
        }
    }
}

/// What a verification found when all was well.
public struct LogSummary: Sendable, Equatable {
    public var entries: Int
    public var heads: Int
    /// The last signed head; entries after it are not signed yet.
    public var latest: SignedTreeHead?
    /// Entries given by their leaf hash only (another estate's, in a staff member's export).
    public var withheld = 0

    public var unsignedEntries: Int { entries - (latest?.size ?? 0) }
}
