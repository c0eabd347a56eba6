import QuorumCore
import SQLKit

/// The two clerks' double entry of paper ballots, applied: `DoubleEntry` (the core) decides
/// each step; each is written here with its audit-log entries in one transaction.
extension PaperStore {
    /// One clerk's entry of a paper ballot. The first entry waits for a second clerk's,
    /// made blind; when the two agree the ballot counts (or, if the person's online ballot
    /// came first, is kept as a conflict); when they disagree it waits for a resolution.
    /// Every entry and confirmation is in the audit log.
    public func enter(vote: StoredVote, code typed: String, clerk: String, choices: BallotChoices) async throws -> PaperState {
        let ballot = try await checkedPaper(vote: vote, code: typed, choices: choices)
        return try await writing { db in
            let now = clock()
            let state = try await lockPaper(vote: vote.id, code: ballot.code, on: db)
            let earlier = try await Self.entries(vote: vote.id, code: ballot.code, on: db)
            let outcome = try DoubleEntry.enter(
                state: state, isOpen: vote.isOpen(at: now), earlier: earlier, clerk: clerk, choices: choices)
            try await db.raw(
                """
                INSERT INTO paper_entries (vote_id, code, clerk, choices, spoiled, entered_at) VALUES (\(bind: vote.id),
                \(bind: ballot.code), \(bind: clerk), \(bind: choices.canonicalJSON), \(bind: choices.isSpoiled(vote.definition) ? 1 : 0),
                \(bind: now.millisecondsSinceEpoch))
                """
            ).run()
            let voter = try await log.voterPseudonym(vote: vote.id, person: String(ballot.person), on: db)
            _ = try await log.appendAndSign(
                [LogEntry(vote: vote.id, time: now, event: .paperEntered(paper: ballot.code, voter: voter, actor: clerk))], on: db)
            switch outcome {
            case .entered, .mismatch:
                try await setPaperState(outcome, vote: vote.id, code: ballot.code, by: nil, on: db)
                return outcome
            case .confirmed, .conflict:
                return try await acceptPaper(vote: vote, ballot: ballot, choices: choices, actor: clerk, voter: voter, on: db)
            }
        }
    }

    /// Settles a mismatched paper ballot with the marks read off the paper by someone who
    /// entered neither version.
    public func resolve(vote: StoredVote, code typed: String, resolver: String, choices: BallotChoices) async throws -> PaperState {
        let ballot = try await checkedPaper(vote: vote, code: typed, choices: choices)
        return try await writing { db in
            let state = try await lockPaper(vote: vote.id, code: ballot.code, on: db)
            let clerks = try await Self.entries(vote: vote.id, code: ballot.code, on: db).map(\.clerk)
            try DoubleEntry.resolve(state: state, isOpen: vote.isOpen(at: clock()), clerks: clerks, resolver: resolver)
            let voter = try await log.voterPseudonym(vote: vote.id, person: String(ballot.person), on: db)
            return try await acceptPaper(vote: vote, ballot: ballot, choices: choices, actor: resolver, voter: voter, on: db)
        }
    }

    /// The ballot a typed code names, with marks a paper ballot can carry, or why not.
    private func checkedPaper(vote: StoredVote, code typed: String, choices: BallotChoices) async throws -> PaperBallot {
        guard let ballot = try await ballot(vote: vote.id, code: typed) else { throw PaperError.unknownCode }
        try DoubleEntry.check(choices, vote: vote.definition)
        return ballot
    }

    /// Locks the paper ballot's row for the rest of the transaction (on PostgreSQL two clerks'
    /// entries of one ballot then follow each other; SQLite has one writer anyway) and returns
    /// its state as it stands now.
    private func lockPaper(vote: String, code: String, on db: any SQLDatabase) async throws -> PaperState? {
        try await db.raw("UPDATE paper_codes SET printed_at = printed_at WHERE vote_id = \(bind: vote) AND code = \(bind: code)").run()
        return try await db.raw("SELECT state FROM paper_states WHERE vote_id = \(bind: vote) AND code = \(bind: code)")
            .first(decodingColumn: "state", as: String.self).flatMap(PaperState.init(rawValue:))
    }

    /// Makes a paper ballot effective, or keeps it as a conflict when the person's online
    /// ballot is already in (the first received counts, RULES.md §3).
    private func acceptPaper(
        vote: StoredVote, ballot: PaperBallot, choices: BallotChoices, actor: String, voter: String, on db: any SQLDatabase
    ) async throws -> PaperState {
        let now = clock()
        var random = SystemRandomNumberGenerator()
        let saltBytes = BallotCommitment.salt(using: &random)
        let salt = hex(saltBytes)
        let inserted = try await db.raw(
            """
            INSERT INTO ballots (vote_id, person, channel, received_at, choices, cast_by, signature_kind, signature, receipt_code, salt)
            VALUES (\(bind: vote.id), \(bind: ballot.person), \(bind: Channel.paper.rawValue), \(bind: now.millisecondsSinceEpoch),
            \(bind: choices.canonicalJSON), \(bind: "paper"), 'paper', '', \(bind: ballot.code), \(bind: salt))
            ON CONFLICT (vote_id, person) DO NOTHING RETURNING person
            """
        ).first()
        let entry = LogEntry(
            vote: vote.id, time: now,
            event: .ballot(LoggedBallot(voter: voter, channel: .paper, commitment: BallotCommitment.make(choices, salt: saltBytes))))
        if inserted != nil {
            let (indexes, _) = try await log.appendAndSign(
                [entry, LogEntry(vote: vote.id, time: now, event: .paperConfirmed(paper: ballot.code, actor: actor))], on: db)
            try await db.raw(
                "UPDATE ballots SET log_index = \(bind: indexes.lowerBound) WHERE vote_id = \(bind: vote.id) AND person = \(bind: ballot.person)"
            ).run()
            try await setPaperState(DoubleEntry.accepted(first: true), vote: vote.id, code: ballot.code, by: actor, on: db)
            return .confirmed
        }
        try await keepConflict(
            vote: vote.id, person: ballot.person, channel: .paper, time: now, choices: choices, castBy: "paper", salt: salt, entry: entry,
            extra: [LogEntry(vote: vote.id, time: now, event: .paperConfirmed(paper: ballot.code, actor: actor))], on: db)
        try await setPaperState(DoubleEntry.accepted(first: false), vote: vote.id, code: ballot.code, by: actor, on: db)
        return .conflict
    }

    /// Keeps a person's second ballot (in the other channel) without counting it: its own
    /// ballot entry in the log, and a conflict entry naming the counted and the ignored one.
    /// Returns false if this person already has a kept ballot of this channel.
    @discardableResult
    func keepConflict(
        vote: String, person: Int, channel: Channel, time: Timestamp, choices: BallotChoices, castBy: String, salt: String,
        entry: LogEntry, extra: [LogEntry] = [], on db: any SQLDatabase
    ) async throws -> Bool {
        let counted =
            try await db.raw("SELECT log_index FROM ballots WHERE vote_id = \(bind: vote) AND person = \(bind: person)")
            .first(decodingColumn: "log_index", as: Int.self) ?? -1
        let kept = try await db.raw(
            """
            INSERT INTO ballot_conflicts (vote_id, person, channel, received_at, choices, cast_by, salt, log_index, counted_log_index)
            VALUES (\(bind: vote), \(bind: person), \(bind: channel.rawValue), \(bind: time.millisecondsSinceEpoch),
            \(bind: choices.canonicalJSON), \(bind: castBy), \(bind: salt), -1, \(bind: counted))
            ON CONFLICT (vote_id, person, channel) DO NOTHING RETURNING person
            """
        ).first()
        guard kept != nil else { return false }
        let voter = try await log.voterPseudonym(vote: vote, person: String(person), on: db)
        let next = try await log.append([entry], on: db)
        _ = try await log.appendAndSign(
            [LogEntry(vote: vote, time: time, event: .conflict(voter: voter, counted: counted, ignored: next.lowerBound))] + extra, on: db)
        try await db.raw(
            """
            UPDATE ballot_conflicts SET log_index = \(bind: next.lowerBound)
            WHERE vote_id = \(bind: vote) AND person = \(bind: person) AND channel = \(bind: channel.rawValue)
            """
        ).run()
        return true
    }

    private func setPaperState(_ state: PaperState, vote: String, code: String, by actor: String?, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO paper_states (vote_id, code, state, updated_at, resolved_by) VALUES (\(bind: vote), \(bind: code),
            \(bind: state.rawValue), \(bind: clock().millisecondsSinceEpoch), \(bind: actor))
            ON CONFLICT (vote_id, code) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
            resolved_by = excluded.resolved_by
            """
        ).run()
    }
}
