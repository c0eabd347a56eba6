import Crypto
import Foundation
import QuorumCore
import SQLKit

/// One online ballot as asked for, waiting for its batch: every check is made in the batch.
struct PendingCast: Sendable {
    var voteID: String
    var person: Int
    var idHash: String
    var choices: BallotChoices
    var signature: Signature
    /// The estate the owner signed in to, when the vote must be one of its (the web's case).
    var estate: Int64? = nil

    var key: BallotKey { BallotKey(vote: voteID, person: person) }
}

struct BallotKey: Hashable, Sendable {
    var vote: String
    var person: Int
}

/// Group commit (组提交) for the cast path: the ballots of concurrent requests are written in
/// one transaction — one multi-row insert, one log append with one signed head, one commit —
/// and each request gets its receipt only after that commit.
///
/// A commit costs the same for one ballot as for hundreds (on SQLite one fsync of the WAL,
/// on PostgreSQL one flush and one turn of the log's lock row), so batching is what lets
/// durable acceptance outrun the disk's commit rate. There is no timer: one batch is written
/// at a time, and whatever arrives while it is written forms the next one, so a lone ballot
/// is written at once and a crowd is written in a few large batches.
///
/// A batch holds at most one ballot per voting person; a second for the same person waits
/// for the next batch, where it is decided exactly as if it had come alone (refused, or a
/// change where the vote allows it). A refusal never fails the other ballots of a batch,
/// and if the batch's transaction fails as a whole, each ballot is retried on its own.
final class CastBatcher: @unchecked Sendable {
    typealias Waiter = (cast: PendingCast, continuation: CheckedContinuation<Receipt, any Error>)

    /// The most ballots a transaction takes: large enough that a batch amortises its commit,
    /// small enough to stay under both databases' limits on bound parameters.
    static let maximumBatch = 1000

    private let lock = NSLock()
    private var queue: [Waiter] = []
    private var writing = false
    private var written = (ballots: 0, batches: 0)

    /// How many ballots have been written in how many batches since the store opened.
    var counts: (ballots: Int, batches: Int) { lock.withLock { written } }

    /// Queues a ballot and waits for its batch's commit.
    func submit(_ cast: PendingCast, to store: VotingStore) async throws -> Receipt {
        try await withCheckedThrowingContinuation { continuation in
            let start = lock.withLock {
                queue.append((cast, continuation))
                guard !writing else { return false }
                writing = true
                return true
            }
            if start { Task { await self.drain(store) } }
        }
    }

    /// Writes batches until the queue is empty.
    private func drain(_ store: VotingStore) async {
        while true {
            let batch = lock.withLock { () -> [Waiter] in
                let batch = Self.take(from: &queue)
                if batch.isEmpty { writing = false }
                return batch
            }
            if batch.isEmpty { return }
            let results = await store.commitCasts(batch.map(\.cast))
            lock.withLock {
                written.ballots += results.count(where: { if case .success = $0 { true } else { false } })
                written.batches += 1
            }
            for (waiter, result) in zip(batch, results) { waiter.continuation.resume(with: result) }
        }
    }

    /// The next batch, in order of arrival, at most one ballot per person; the rest stay queued.
    static func take(from queue: inout [Waiter]) -> [Waiter] {
        var batch: [Waiter] = []
        var rest: [Waiter] = []
        var persons = Set<BallotKey>()
        for waiter in queue {
            if batch.count < maximumBatch && persons.insert(waiter.cast.key).inserted {
                batch.append(waiter)
            } else {
                rest.append(waiter)
            }
        }
        queue = rest
        return batch
    }
}

/// Values read once per store that never change while it is open.
final class StoreCaches: @unchecked Sendable {
    private let lock = NSLock()
    private var personalKey: PersonalDataKey?

    var personalDataKey: PersonalDataKey? { lock.withLock { personalKey } }

    func set(_ key: PersonalDataKey) {
        lock.withLock { personalKey = key }
    }
}

/// Parsed vote definitions by their text: a vote's matters.json is parsed once, not at
/// every ballot. Keyed by the text itself, so a changed definition is parsed anew.
final class DefinitionCache: @unchecked Sendable {
    static let shared = DefinitionCache()
    private let lock = NSLock()
    private var parsed: [String: VoteDefinition] = [:]

    func definition(_ text: String) throws -> VoteDefinition {
        if let found = lock.withLock({ parsed[text] }) { return found }
        let definition = try VoteDefinition.read(json: Array(text.utf8))
        lock.withLock {
            if parsed.count >= 256 { parsed.removeAll() }
            parsed[text] = definition
        }
        return definition
    }
}

extension VotingStore {
    /// Writes a batch of ballots in one transaction; one result per ballot, in order.
    func commitCasts(_ casts: [PendingCast]) async -> [Result<Receipt, any Error>] {
        do {
            return try await writing { db in try await writeCasts(casts, on: db) }
        } catch {
            guard casts.count > 1 else { return [.failure(error)] }
            // Something failed the whole transaction: one ballot must not take the others
            // with it, so each is tried again alone, and only its own failure is its own.
            // Only the error's type: a database error's full text can quote the statement's binds.
            logger.warning("a batch of \(casts.count) ballots failed (\(type(of: error))); retrying each alone")
            var results: [Result<Receipt, any Error>] = []
            for cast in casts { results += await commitCasts([cast]) }
            return results
        }
    }

    /// The body of a batch's transaction: every check of `castOnline`, in its order (the vote,
    /// complete choices, the owner's membership, the window, one ballot per person), for each
    /// ballot. The receipt time is taken after the write lock (on SQLite the transaction's
    /// BEGIN IMMEDIATE): it decides lateness for every ballot of the batch. Refusals are
    /// results, not errors, so they never roll back the others.
    func writeCasts(_ requested: [PendingCast], on db: any SQLDatabase) async throws -> [Result<Receipt, any Error>] {
        var results = [Result<Receipt, any Error>?](repeating: nil, count: requested.count)
        // One read for the batch: each ballot's vote, and its person's rooms if the owner is a member.
        var asked: [any SQLExpression] = []
        for (position, cast) in requested.enumerated() {
            asked.append(SQLGroupExpression(SQLList([SQLBind(position), SQLBind(cast.voteID), SQLBind(cast.person), SQLBind(cast.idHash)])))
        }
        var found: [Int: (vote: StoredVote, rooms: String?)] = [:]
        for row in try await db.raw(
            """
            WITH asked(slot, vote_id, person, id_hash) AS (VALUES \(SQLList(asked)))
            SELECT asked.slot, v.*, (SELECT p.rooms FROM vote_members m JOIN vote_persons p ON p.vote_id = m.vote_id AND p.person = m.person
            WHERE m.vote_id = asked.vote_id AND m.id_hash = asked.id_hash AND m.person = asked.person) AS rooms
            FROM asked JOIN votes v ON v.id = asked.vote_id
            """
        ).all() {
            found[try row.decode(column: "slot", as: Int.self)] = (try Self.vote(from: row), try row.decode(column: "rooms", as: String?.self))
        }
        let now = clock()
        var casts: [Int: (vote: StoredVote, rooms: String)] = [:]
        var random = BatchRandom(words: requested.count * 48)
        var salts: [Int: [UInt8]] = [:]
        var codes: [Int: String] = [:]
        var inWindow: [Int] = []
        for (position, cast) in requested.enumerated() {
            guard let (vote, rooms) = found[position], cast.estate == nil || cast.estate == vote.estateID else {
                results[position] = .failure(CastError.noSuchVote)
                continue
            }
            let problems = vote.definition.problems(with: cast.choices)
            if !problems.isEmpty {
                results[position] = .failure(CastError.invalid(problems))
            } else if rooms == nil {
                results[position] = .failure(CastError.notYourBallot)
            } else if vote.calendar.window(at: now) == .notOpenYet {
                results[position] = .failure(CastError.notOpenYet(opensAt: vote.opensAt))
            } else if vote.calendar.window(at: now) == .closed {
                results[position] = .failure(CastError.closed(closedAt: vote.closesAt))
            } else {
                casts[position] = (vote, rooms!)
                salts[position] = BallotCommitment.salt(using: &random)
                codes[position] = CheckedCode.make(using: &random)
                inWindow.append(position)
            }
        }
        // One insert for the batch. Rows in key order, so that two batches (of two instances
        // on one PostgreSQL) lock the persons they share in the same order and cannot deadlock.
        inWindow.sort { (requested[$0].voteID, requested[$0].person) < (requested[$1].voteID, requested[$1].person) }
        var inserted = Set<BallotKey>()
        if !inWindow.isEmpty {
            var insert = db.insert(into: "ballots").columns(
                "vote_id", "person", "channel", "received_at", "choices", "cast_by", "signature_kind", "signature", "receipt_code", "salt")
            for position in inWindow {
                let cast = requested[position]
                insert = insert.values(
                    SQLBind(cast.voteID), SQLBind(cast.person), SQLBind(Channel.online.rawValue), SQLBind(now.millisecondsSinceEpoch),
                    SQLBind(cast.choices.canonicalJSON), SQLBind(cast.idHash), SQLBind(cast.signature.kind), SQLBind(cast.signature.data),
                    SQLBind(codes[position]!), SQLBind(hex(salts[position]!)))
            }
            let rows = try await insert.ignoringConflicts(with: ["vote_id", "person"]).returning("vote_id", "person").all()
            for row in rows {
                inserted.insert(
                    BallotKey(vote: try row.decode(column: "vote_id", as: String.self), person: try row.decode(column: "person", as: Int.self)))
            }
        }
        var accepted: [Int] = []
        for position in inWindow.sorted() {
            let cast = requested[position]
            if inserted.contains(cast.key) {
                accepted.append(position)
                continue
            }
            // A person's ballot exists. Where the vote lets owners change an online ballot before the
            // deadline, the new choices replace it (one effective ballot still, now the latest);
            // a paper ballot is never replaced from a phone.
            let changed =
                casts[position]!.vote.ballotChange
                ? try await db.raw(
                    """
                    UPDATE ballots SET received_at = \(bind: now.millisecondsSinceEpoch), choices = \(bind: cast.choices.canonicalJSON),
                    cast_by = \(bind: cast.idHash), signature_kind = \(bind: cast.signature.kind), signature = \(bind: cast.signature.data),
                    receipt_code = \(bind: codes[position]!), salt = \(bind: hex(salts[position]!))
                    WHERE vote_id = \(bind: cast.voteID) AND person = \(bind: cast.person) AND channel = \(bind: Channel.online.rawValue)
                    RETURNING receipt_code
                    """
                ).first() : nil
            if changed != nil {
                accepted.append(position)
            } else {
                let existing = try await db.raw(
                    "SELECT received_at, channel FROM ballots WHERE vote_id = \(bind: cast.voteID) AND person = \(bind: cast.person)"
                ).first()
                let at = Timestamp(millisecondsSinceEpoch: try existing?.decode(column: "received_at", as: Int64.self) ?? 0)
                results[position] = .failure(CastError.alreadyVoted(at: at))
                // The person's paper ballot came first: this one is kept, not counted, and the
                // organiser sees the conflict (RULES.md §3). A second try changes nothing.
                if try existing?.decode(column: "channel", as: String.self) == Channel.paper.rawValue {
                    let key = try await cachedPersonalDataKey(on: db)
                    let voter = key.voter(vote: cast.voteID, person: String(cast.person))
                    let entry = LogEntry(
                        vote: cast.voteID, time: now,
                        event: .ballot(
                            LoggedBallot(voter: voter, channel: .online, commitment: BallotCommitment.make(cast.choices, salt: salts[position]!))))
                    if try await paper.keepConflict(
                        vote: cast.voteID, person: cast.person, channel: .online, time: now, choices: cast.choices, castBy: cast.idHash,
                        salt: hex(salts[position]!), entry: entry, on: db)
                    {
                        results[position] = .failure(CastError.paperCameFirst(at: at))
                    }
                }
            }
        }
        guard !accepted.isEmpty else { return results.map { $0! } }
        // Last in the transaction: the entries, in order of arrival, and one signed head over them all.
        let key = try await cachedPersonalDataKey(on: db)
        var voters: [Int: String] = [:]
        var entries: [LogEntry] = []
        for position in accepted {
            let cast = requested[position]
            let voter = key.voter(vote: cast.voteID, person: String(cast.person))
            voters[position] = voter
            entries.append(
                LogEntry(
                    vote: cast.voteID, time: now,
                    event: .ballot(
                        LoggedBallot(voter: voter, channel: .online, commitment: BallotCommitment.make(cast.choices, salt: salts[position]!)))))
        }
        let (indexes, head) = try await log.appendAndSign(entries, on: db)
        // Each ballot learns its entry's index: one statement for the batch.
        var values: [any SQLExpression] = []
        for (offset, position) in accepted.enumerated() {
            let cast = requested[position]
            values.append(
                SQLGroupExpression(SQLList([SQLBind(cast.voteID), SQLBind(cast.person), SQLBind(Int64(indexes.lowerBound + offset))])))
        }
        try await db.raw(
            """
            WITH logged(vote_id, person, log_index) AS (VALUES \(SQLList(values)))
            UPDATE ballots SET log_index = logged.log_index FROM logged
            WHERE ballots.vote_id = logged.vote_id AND ballots.person = logged.person
            """
        ).run()
        for (offset, position) in accepted.enumerated() {
            let cast = requested[position]
            let log = LogReceipt(
                index: indexes.lowerBound + offset, vote: cast.voteID, voter: voters[position]!, channel: .online, time: now,
                choices: cast.choices, salt: salts[position]!, head: head)
            results[position] = .success(
                Receipt(
                    code: codes[position]!, voteID: cast.voteID, person: cast.person, rooms: casts[position]!.rooms, receivedAt: now,
                    choices: cast.choices, salt: hex(salts[position]!), log: log))
        }
        return results.map { $0! }
    }

    /// The personal-data key (the voter pseudonyms' key), read once.
    func cachedPersonalDataKey(on db: any SQLDatabase) async throws -> PersonalDataKey {
        if let key = database.caches.personalDataKey { return key }
        let key = try await personalDataKey(on: db, creating: false)
        database.caches.set(key)
        return key
    }

    /// Ballots written and batches committed by this store since it opened (for /metrics).
    public var castCounts: (ballots: Int, batches: Int) { database.casts.counts }
}

/// Random numbers for one batch's salts and receipt codes from one draw of a CSPRNG
/// (BoringSSL's, through swift-crypto), not a system call per byte as
/// SystemRandomNumberGenerator makes when asked for bytes one at a time.
struct BatchRandom: RandomNumberGenerator {
    private var words: [UInt64]
    private var used = 0
    private var system = SystemRandomNumberGenerator()

    init(words count: Int) {
        let key = SymmetricKey(size: SymmetricKeySize(bitCount: max(1, count) * 64))
        words = key.withUnsafeBytes { Array($0.bindMemory(to: UInt64.self)) }
    }

    mutating func next() -> UInt64 {
        guard used < words.count else { return system.next() }
        defer { used += 1 }
        return words[used]
    }
}
