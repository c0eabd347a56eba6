import QuorumCore
import SQLKit

/// The two clerks' double entry of paper ballots, applied: `DoubleEntry` (the core) decides
/// each step; each is written here with its audit-log entries in one transaction.
extension PaperStore {
    /// One clerk's entry of a paper ballot: its marks and its collection record (RULES.md §3).
    /// The first entry waits for a second clerk's, made blind; when the two agree the ballot
    /// counts as received when it was collected (or, if the person's online ballot came
    /// first, is kept as a conflict); when they disagree it waits for a resolution. Entry is
    /// open from the opening until the paper entry is declared complete or the counting
    /// period ends; a ballot collected after the deadline is refused. Every entry and
    /// confirmation is in the audit log. Only the vote's named clerks enter (issue 13).
    public func enter(vote: StoredVote, code typed: String, clerk: String, reading: PaperReading) async throws -> PaperState {
        let ballot = try await checkedPaper(vote: vote, code: typed, choices: reading.choices)
        return try await writing { db in
            guard try await organising.isClerk(clerk, of: vote.id, on: db) else { throw PaperError.notNamedClerk }
            let now = clock()
            let open = try await entryOpen(vote, at: now, on: db)
            let state = try await lockPaper(vote: vote.id, code: ballot.code, on: db)
            let earlier = try await Self.entries(vote: vote.id, code: ballot.code, on: db)
            let outcome = try DoubleEntry.enter(state: state, isOpen: open, earlier: earlier, clerk: clerk, reading: reading)
            try reading.collection.check(vote.calendar, now: now)
            let collection = reading.collection
            try await db.raw(
                """
                INSERT INTO paper_entries (vote_id, code, clerk, choices, spoiled, entered_at, collection_kind, collected_by, collected_at)
                VALUES (\(bind: vote.id), \(bind: ballot.code), \(bind: clerk), \(bind: reading.choices.canonicalJSON),
                \(bind: reading.choices.isSpoiled(vote.definition) ? 1 : 0), \(bind: now.millisecondsSinceEpoch),
                \(bind: collection.kind.rawValue), \(bind: collection.by), \(bind: collection.at.millisecondsSinceEpoch))
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
                return try await acceptPaper(vote: vote, ballot: ballot, reading: reading, actor: clerk, voter: voter, on: db)
            }
        }
    }

    /// Settles a mismatched paper ballot with the marks and the collection record read off
    /// the paper by someone who entered neither version.
    public func resolve(vote: StoredVote, code typed: String, resolver: String, reading: PaperReading) async throws -> PaperState {
        let ballot = try await checkedPaper(vote: vote, code: typed, choices: reading.choices)
        return try await writing { db in
            let open = try await entryOpen(vote, at: clock(), on: db)
            let state = try await lockPaper(vote: vote.id, code: ballot.code, on: db)
            let clerks = try await Self.entries(vote: vote.id, code: ballot.code, on: db).map(\.clerk)
            try DoubleEntry.resolve(state: state, isOpen: open, clerks: clerks, resolver: resolver)
            try reading.collection.check(vote.calendar, now: clock())
            let voter = try await log.voterPseudonym(vote: vote.id, person: String(ballot.person), on: db)
            return try await acceptPaper(vote: vote, ballot: ballot, reading: reading, actor: resolver, voter: voter, on: db)
        }
    }

    /// Declares the paper entry complete (RULES.md §3), once the vote is past its deadline:
    /// no paper ballot is entered after it, and the vote is counted at once.
    @discardableResult
    public func declareComplete(vote: StoredVote, actor: String) async throws -> StoredVote? {
        let now = clock()
        guard vote.window(at: now) == .closed else { throw PaperError.stillCollecting(until: vote.closesAt) }
        try await writing { db in
            let claimed = try await db.raw(
                """
                UPDATE votes SET paper_complete_at = \(bind: now.millisecondsSinceEpoch)
                WHERE id = \(bind: vote.id) AND paper_complete_at IS NULL AND tally_json IS NULL RETURNING id
                """
            ).first()
            guard claimed != nil else { throw PaperError.entryComplete }
            _ = try await log.appendAndSign([LogEntry(vote: vote.id, time: now, event: .paperComplete(actor: actor))], on: db)
        }
        return try await results.settle(vote.id)
    }

    /// Whether the vote's count must wait for paper ballots still to be typed in: some were
    /// printed, and their entry is neither declared complete nor past its counting period.
    /// A vote none of whose paper ballots was printed has none to wait for.
    func countWaitsForPaper(_ vote: StoredVote, at now: Timestamp) async throws -> Bool {
        guard vote.paperEntryOpen(at: now) else { return false }
        return try await withConnection { db in
            try await db.raw("SELECT 1 AS one FROM paper_codes WHERE vote_id = \(bind: vote.id) AND printed_at IS NOT NULL LIMIT 1").first() != nil
        }
    }

    /// Whether the paper entry is open now, read again under a lock on the vote's row, so an
    /// entry and the declaration that the entry is complete follow each other.
    private func entryOpen(_ vote: StoredVote, at now: Timestamp, on db: any SQLDatabase) async throws -> Bool {
        let row = try await db.raw(
            "UPDATE votes SET counting_days = counting_days WHERE id = \(bind: vote.id) RETURNING paper_complete_at, tally_json"
        ).first()
        var current = vote
        current.paperCompleteAt = try row?.decode(column: "paper_complete_at", as: Int64?.self).map(Timestamp.init(millisecondsSinceEpoch:))
        current.tallyJSON = try row?.decode(column: "tally_json", as: String?.self)
        if current.paperCompleteAt != nil && current.tallyJSON == nil { throw PaperError.entryComplete }
        return current.paperEntryOpen(at: now)
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

    /// Makes a paper ballot effective as received when it was collected. The first received
    /// counts (RULES.md §3): a person without a ballot gets this one; an online ballot
    /// received after the collection is set aside for it (moved to the conflicts with its
    /// receipt, a conflict entry naming both); one received before keeps counting and this
    /// one is kept as a conflict.
    private func acceptPaper(
        vote: StoredVote, ballot: PaperBallot, reading: PaperReading, actor: String, voter: String, on db: any SQLDatabase
    ) async throws -> PaperState {
        let (now, at, choices) = (clock(), reading.collection.at, reading.choices)
        var random = SystemRandomNumberGenerator()
        let saltBytes = BallotCommitment.salt(using: &random)
        let salt = hex(saltBytes)
        let entry = LogEntry(
            vote: vote.id, time: at,
            event: .ballot(LoggedBallot(voter: voter, channel: .paper, commitment: BallotCommitment.make(choices, salt: saltBytes))))
        let confirmed = LogEntry(vote: vote.id, time: now, event: .paperConfirmed(paper: ballot.code, actor: actor))
        let counted = try await db.raw(
            "SELECT channel, received_at, log_index FROM ballots WHERE vote_id = \(bind: vote.id) AND person = \(bind: ballot.person)"
        ).first()
        let before = try counted.map { Timestamp(millisecondsSinceEpoch: try $0.decode(column: "received_at", as: Int64.self)) }
        if let before, !DoubleEntry.comesFirst(collected: at, before: before) {
            try await keepConflict(
                vote: vote.id, person: ballot.person, channel: .paper, time: at, choices: choices, castBy: "paper", salt: salt, entry: entry,
                extra: [confirmed], on: db)
            try await setPaperState(DoubleEntry.accepted(first: false), vote: vote.id, code: ballot.code, by: actor, on: db)
            return .conflict
        }
        let setAside = try counted?.decode(column: "log_index", as: Int.self)
        if setAside != nil { try await setAsideOnline(vote: vote.id, person: ballot.person, on: db) }
        try await db.raw(
            """
            INSERT INTO ballots (vote_id, person, channel, received_at, choices, cast_by, signature_kind, signature, receipt_code, salt)
            VALUES (\(bind: vote.id), \(bind: ballot.person), \(bind: Channel.paper.rawValue), \(bind: at.millisecondsSinceEpoch),
            \(bind: choices.canonicalJSON), \(bind: "paper"), 'paper', '', \(bind: ballot.code), \(bind: salt))
            """
        ).run()
        let (indexes, _) = try await log.appendAndSign([entry, confirmed], on: db)
        try await db.raw(
            "UPDATE ballots SET log_index = \(bind: indexes.lowerBound) WHERE vote_id = \(bind: vote.id) AND person = \(bind: ballot.person)"
        ).run()
        if let setAside {
            try await db.raw(
                """
                UPDATE ballot_conflicts SET counted_log_index = \(bind: indexes.lowerBound)
                WHERE vote_id = \(bind: vote.id) AND person = \(bind: ballot.person) AND channel = 'online'
                """
            ).run()
            _ = try await log.appendAndSign(
                [LogEntry(vote: vote.id, time: now, event: .conflict(voter: voter, counted: indexes.lowerBound, ignored: setAside))], on: db)
        }
        try await setPaperState(DoubleEntry.accepted(first: true), vote: vote.id, code: ballot.code, by: actor, on: db)
        return .confirmed
    }

    /// Moves a person's counted online ballot to the conflicts, with its receipt and
    /// signature, so a paper ballot collected before it can count.
    private func setAsideOnline(vote: String, person: Int, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO ballot_conflicts (vote_id, person, channel, received_at, choices, cast_by, salt, log_index, counted_log_index,
            receipt_code, signature_kind, signature)
            SELECT vote_id, person, channel, received_at, choices, cast_by, salt, log_index, -1, receipt_code, signature_kind, signature
            FROM ballots WHERE vote_id = \(bind: vote) AND person = \(bind: person)
            """
        ).run()
        try await db.raw("DELETE FROM ballots WHERE vote_id = \(bind: vote) AND person = \(bind: person)").run()
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
