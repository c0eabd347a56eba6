import QuorumCore
import SQLKit

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
        let found = try await castTargets(requested, on: db)
        let now = clock()
        var random = BatchRandom(words: requested.count * 48)
        var checked: [Int: CheckedCast] = [:]
        for (position, cast) in requested.enumerated() {
            switch Self.check(cast, found[position], at: now) {
            case .failure(let refusal): results[position] = .failure(refusal)
            case .success(let (vote, rooms)):
                checked[position] = CheckedCast(
                    cast: cast, vote: vote, rooms: rooms, salt: BallotCommitment.salt(using: &random), code: CheckedCode.make(using: &random))
            }
        }
        let inserted = try await insertBallots(Array(checked.values), at: now, on: db)
        var accepted: [Int] = []
        for (position, ballot) in checked.sorted(by: { $0.key < $1.key }) {
            if inserted.contains(ballot.cast.key) ? true : try await changeBallot(ballot, at: now, on: db) {
                accepted.append(position)
            } else {
                results[position] = .failure(try await refuseSecondBallot(ballot, at: now, on: db))
            }
        }
        guard !accepted.isEmpty else { return results.map { $0! } }
        // Last in the transaction: the entries, in order of arrival, and one signed head over them all.
        let key = try await cachedPersonalDataKey(on: db)
        let voters = accepted.map { key.voter(vote: requested[$0].voteID, person: String(requested[$0].person)) }
        let (indexes, head) = try await log.appendAndSign(zip(accepted, voters).map { checked[$0]!.entry(voter: $1, at: now) }, on: db)
        // Each ballot learns its entry's index: one statement for the batch.
        let values: [any SQLExpression] = accepted.enumerated().map { offset, position in
            SQLGroupExpression(
                SQLList([SQLBind(requested[position].voteID), SQLBind(requested[position].person), SQLBind(Int64(indexes.lowerBound + offset))]))
        }
        try await db.raw(
            """
            WITH logged(vote_id, person, log_index) AS (VALUES \(SQLList(values)))
            UPDATE ballots SET log_index = logged.log_index FROM logged
            WHERE ballots.vote_id = logged.vote_id AND ballots.person = logged.person
            """
        ).run()
        for (offset, position) in accepted.enumerated() {
            let ballot = checked[position]!
            let cast = ballot.cast
            let log = LogReceipt(
                index: indexes.lowerBound + offset, vote: cast.voteID, voter: voters[offset], channel: .online, time: now,
                choices: cast.choices, salt: ballot.salt, head: head)
            results[position] = .success(
                Receipt(
                    code: ballot.code, voteID: cast.voteID, person: cast.person, rooms: ballot.rooms, receivedAt: now, choices: cast.choices,
                    salt: hex(ballot.salt), log: log))
        }
        return results.map { $0! }
    }

    /// One read for the batch: each ballot's vote, and its person's rooms if the owner is a member.
    private func castTargets(_ requested: [PendingCast], on db: any SQLDatabase) async throws -> [Int: (vote: StoredVote, rooms: String?)] {
        let asked: [any SQLExpression] = requested.enumerated().map { position, cast in
            SQLGroupExpression(SQLList([SQLBind(position), SQLBind(cast.voteID), SQLBind(cast.person), SQLBind(cast.idHash)]))
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
        return found
    }

    /// A ballot's checks before the write, in `castOnline`'s order: its vote, complete
    /// choices, the owner's membership, the window. Passed: the vote and the person's rooms.
    private static func check(
        _ cast: PendingCast, _ found: (vote: StoredVote, rooms: String?)?, at now: Timestamp
    ) -> Result<(StoredVote, String), CastError> {
        guard let (vote, rooms) = found, cast.estate == nil || cast.estate == vote.estateID else { return .failure(.noSuchVote) }
        let problems = vote.definition.problems(with: cast.choices)
        guard problems.isEmpty else { return .failure(.invalid(problems)) }
        guard let rooms else { return .failure(.notYourBallot) }
        switch vote.window(at: now) {
        case .notOpenYet: return .failure(.notOpenYet(opensAt: vote.opensAt))
        case .closed: return .failure(.closed(closedAt: vote.closesAt))
        case .open: return .success((vote, rooms))
        }
    }

    /// One insert for the batch; returns the persons whose ballot it wrote (the others had one).
    /// Rows in key order, so that two batches (of two instances on one PostgreSQL) lock the
    /// persons they share in the same order and cannot deadlock.
    private func insertBallots(_ ballots: [CheckedCast], at now: Timestamp, on db: any SQLDatabase) async throws -> Set<BallotKey> {
        guard !ballots.isEmpty else { return [] }
        var insert = db.insert(into: "ballots").columns(
            "vote_id", "person", "channel", "received_at", "choices", "cast_by", "signature_kind", "signature", "receipt_code", "salt")
        for ballot in ballots.sorted(by: { ($0.cast.voteID, $0.cast.person) < ($1.cast.voteID, $1.cast.person) }) {
            let cast = ballot.cast
            insert = insert.values(
                SQLBind(cast.voteID), SQLBind(cast.person), SQLBind(Channel.online.rawValue), SQLBind(now.millisecondsSinceEpoch),
                SQLBind(cast.choices.canonicalJSON), SQLBind(cast.idHash), SQLBind(cast.signature.kind), SQLBind(cast.signature.data),
                SQLBind(ballot.code), SQLBind(hex(ballot.salt)))
        }
        return Set(
            try await insert.ignoringConflicts(with: ["vote_id", "person"]).returning("vote_id", "person").all().map { row in
                BallotKey(vote: try row.decode(column: "vote_id", as: String.self), person: try row.decode(column: "person", as: Int.self))
            })
    }

    /// A person's ballot exists. Where the vote lets owners change an online ballot before the
    /// deadline, the new choices replace it (one effective ballot still, now the latest); a
    /// paper ballot is never replaced from a phone. Returns whether it was replaced.
    private func changeBallot(_ ballot: CheckedCast, at now: Timestamp, on db: any SQLDatabase) async throws -> Bool {
        guard ballot.vote.ballotChange else { return false }
        let cast = ballot.cast
        return try await db.raw(
            """
            UPDATE ballots SET received_at = \(bind: now.millisecondsSinceEpoch), choices = \(bind: cast.choices.canonicalJSON),
            cast_by = \(bind: cast.idHash), signature_kind = \(bind: cast.signature.kind), signature = \(bind: cast.signature.data),
            receipt_code = \(bind: ballot.code), salt = \(bind: hex(ballot.salt))
            WHERE vote_id = \(bind: cast.voteID) AND person = \(bind: cast.person) AND channel = \(bind: Channel.online.rawValue)
            RETURNING receipt_code
            """
        ).first() != nil
    }

    /// Why a person's second ballot is refused. When their paper ballot came first, this one is
    /// kept, not counted, and the organiser sees the conflict (RULES.md §3); a second try
    /// changes nothing.
    private func refuseSecondBallot(_ ballot: CheckedCast, at now: Timestamp, on db: any SQLDatabase) async throws -> CastError {
        let cast = ballot.cast
        let existing = try await db.raw(
            "SELECT received_at, channel FROM ballots WHERE vote_id = \(bind: cast.voteID) AND person = \(bind: cast.person)"
        ).first()
        let at = Timestamp(millisecondsSinceEpoch: try existing?.decode(column: "received_at", as: Int64.self) ?? 0)
        guard try existing?.decode(column: "channel", as: String.self) == Channel.paper.rawValue else { return .alreadyVoted(at: at) }
        let voter = try await cachedPersonalDataKey(on: db).voter(vote: cast.voteID, person: String(cast.person))
        let kept = try await paper.keepConflict(
            vote: cast.voteID, person: cast.person, channel: .online, time: now, choices: cast.choices, castBy: cast.idHash,
            salt: hex(ballot.salt), entry: ballot.entry(voter: voter, at: now), on: db)
        return kept ? .paperCameFirst(at: at) : .alreadyVoted(at: at)
    }

    /// The personal-data key (the voter pseudonyms' key), read once.
    func cachedPersonalDataKey(on db: any SQLDatabase) async throws -> PersonalDataKey {
        if let key = database.personalKeyCache.withLock({ $0 }) { return key }
        let key = try await personalDataKey(on: db, creating: false)
        database.personalKeyCache.withLock { $0 = key }
        return key
    }

    /// Ballots written and batches committed by this store since it opened (for /metrics).
    public var castCounts: (ballots: Int, batches: Int) { database.casts.counts }
}

/// A ballot of a batch that passed its checks, with its vote, its person's rooms, and the
/// salt and receipt code drawn for it.
struct CheckedCast {
    var cast: PendingCast
    var vote: StoredVote
    var rooms: String
    var salt: [UInt8]
    var code: String

    /// Its entry in the audit log.
    func entry(voter: String, at now: Timestamp) -> LogEntry {
        LogEntry(
            vote: cast.voteID, time: now,
            event: .ballot(LoggedBallot(voter: voter, channel: .online, commitment: BallotCommitment.make(cast.choices, salt: salt))))
    }
}
