import Crypto
import Foundation
import QuorumCore

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
