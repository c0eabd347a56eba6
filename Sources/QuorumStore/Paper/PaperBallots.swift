import QuorumCore
import SQLKit

/// A voting person's paper ballot (纸质表决票), by its printed code.
public struct PaperBallot: Sendable, Hashable {
    public var code: String
    public var person: Int
    public var rooms: String
    public var building: String
    public var area: Area
    public var state: PaperState?
}

/// One building's line of the reconciliation report (对账).
public struct PaperReconciliation: Sendable, Hashable {
    public var building: String
    public var printed = 0
    /// Scanned in by at least one clerk.
    public var returned = 0
    /// Entered by two clerks.
    public var doubleEntered = 0
    public var confirmed = 0
    public var spoiled = 0
    public var conflicts = 0
    public var mismatches = 0
}

/// A mismatched ballot, with both entries, for whoever settles it.
public struct PaperMismatch: Sendable, Hashable {
    public var ballot: PaperBallot
    public var entries: [(clerk: String, choices: BallotChoices)]

    public static func == (lhs: PaperMismatch, rhs: PaperMismatch) -> Bool {
        lhs.ballot == rhs.ballot && lhs.entries.map(\.clerk) == rhs.entries.map(\.clerk)
            && lhs.entries.map(\.choices) == rhs.entries.map(\.choices)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(ballot) }
}

extension PaperStore {
    /// The paper ballots of a vote, one per voting person; with `markPrinted`, records that
    /// they were printed now (the first time only).
    public func ballots(of vote: String, markPrinted: Bool = false) async throws -> [PaperBallot] {
        try await withConnection { db in
            if markPrinted {
                try await db.raw(
                    "UPDATE paper_codes SET printed_at = \(bind: clock().millisecondsSinceEpoch) WHERE vote_id = \(bind: vote) AND printed_at IS NULL"
                ).run()
            }
            return try await db.raw(
                """
                SELECT c.code, c.person, p.rooms, p.area, s.state FROM paper_codes c
                JOIN vote_persons p ON p.vote_id = c.vote_id AND p.person = c.person
                LEFT JOIN paper_states s ON s.vote_id = c.vote_id AND s.code = c.code
                WHERE c.vote_id = \(bind: vote) ORDER BY c.person
                """
            ).all().map(Self.paperBallot(from:))
        }
    }

    /// The paper ballot with a (typed or scanned) code, if it is this vote's.
    public func ballot(vote: String, code: String) async throws -> PaperBallot? {
        guard let code = CheckedCode.normalized(code) else { return nil }
        return try await withConnection { db in
            try await db.raw(
                """
                SELECT c.code, c.person, p.rooms, p.area, s.state FROM paper_codes c
                JOIN vote_persons p ON p.vote_id = c.vote_id AND p.person = c.person
                LEFT JOIN paper_states s ON s.vote_id = c.vote_id AND s.code = c.code
                WHERE c.vote_id = \(bind: vote) AND c.code = \(bind: code)
                """
            ).first().map(Self.paperBallot(from:))
        }
    }

    static func paperBallot(from row: any SQLRow) throws -> PaperBallot {
        let rooms = try row.decode(column: "rooms", as: String.self)
        return PaperBallot(
            code: try row.decode(column: "code", as: String.self), person: try row.decode(column: "person", as: Int.self), rooms: rooms,
            building: OrganisingStore.building(ofRooms: rooms), area: Area(centiSquareMetres: try row.decode(column: "area", as: Int64.self)),
            state: try row.decode(column: "state", as: String?.self).flatMap(PaperState.init(rawValue:)))
    }

    /// One clerk's entry of a paper ballot. The first entry waits for a second clerk's,
    /// made blind; when the two agree the ballot counts (or, if the person's online ballot
    /// came first, is kept as a conflict); when they disagree it waits for a resolution.
    /// Every entry and confirmation is in the audit log.
    public func enter(vote: StoredVote, code typed: String, clerk: String, choices: BallotChoices) async throws -> PaperOutcome {
        let ballot = try await checkedPaper(vote: vote, code: typed, choices: choices)
        return try await writing { db in
            let now = clock()
            let state = try await lockPaper(vote: vote.id, code: ballot.code, on: db)
            let earlier = try await db.raw(
                "SELECT clerk, choices FROM paper_entries WHERE vote_id = \(bind: vote.id) AND code = \(bind: ballot.code)"
            ).all().map { row in
                (
                    clerk: try row.decode(column: "clerk", as: String.self),
                    choices: try BallotChoices(canonicalJSON: try row.decode(column: "choices", as: String.self))
                )
            }
            let outcome = try DoubleEntry.enter(
                state: state, isOpen: vote.calendar.isOpen(at: now), earlier: earlier, clerk: clerk, choices: choices)
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
            case .awaitingSecondEntry, .mismatch:
                try await setPaperState(
                    outcome == .mismatch ? .mismatch : .entered, vote: vote.id, code: ballot.code, by: nil, on: db)
                return outcome
            case .confirmed, .conflict:
                return try await acceptPaper(vote: vote, ballot: ballot, choices: choices, actor: clerk, voter: voter, on: db)
            }
        }
    }

    /// Settles a mismatched paper ballot with the marks read off the paper by someone who
    /// entered neither version.
    public func resolve(vote: StoredVote, code typed: String, resolver: String, choices: BallotChoices) async throws -> PaperOutcome {
        let ballot = try await checkedPaper(vote: vote, code: typed, choices: choices)
        return try await writing { db in
            let state = try await lockPaper(vote: vote.id, code: ballot.code, on: db)
            let clerks = try await db.raw(
                "SELECT clerk FROM paper_entries WHERE vote_id = \(bind: vote.id) AND code = \(bind: ballot.code)"
            ).all(decodingColumn: "clerk", as: String.self)
            try DoubleEntry.resolve(state: state, isOpen: vote.calendar.isOpen(at: clock()), clerks: clerks, resolver: resolver)
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
    ) async throws -> PaperOutcome {
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

    /// The resolution queue: mismatched ballots with both entries.
    public func mismatches(of vote: String) async throws -> [PaperMismatch] {
        var result: [PaperMismatch] = []
        for ballot in try await ballots(of: vote) where ballot.state == .mismatch {
            let entries = try await withConnection { db in
                try await db.raw(
                    """
                    SELECT clerk, choices FROM paper_entries WHERE vote_id = \(bind: vote) AND code = \(bind: ballot.code)
                    ORDER BY entered_at, clerk
                    """
                ).all().map { row in
                    (
                        clerk: try row.decode(column: "clerk", as: String.self),
                        choices: try BallotChoices(canonicalJSON: try row.decode(column: "choices", as: String.self))
                    )
                }
            }
            result.append(PaperMismatch(ballot: ballot, entries: entries))
        }
        return result
    }

    /// Persons who sent a ballot in each channel: which counted and which was kept aside.
    public func conflicts(of vote: String) async throws -> [(rooms: String, counted: Channel, ignored: Channel, ignoredAt: Timestamp)] {
        try await withConnection { db in
            try await db.raw(
                """
                SELECT p.rooms, b.channel AS counted, c.channel AS ignored, c.received_at FROM ballot_conflicts c
                JOIN vote_persons p ON p.vote_id = c.vote_id AND p.person = c.person
                JOIN ballots b ON b.vote_id = c.vote_id AND b.person = c.person
                WHERE c.vote_id = \(bind: vote) ORDER BY c.received_at
                """
            ).all().map { row in
                (
                    rooms: try row.decode(column: "rooms", as: String.self),
                    counted: Channel(rawValue: try row.decode(column: "counted", as: String.self)) ?? .online,
                    ignored: Channel(rawValue: try row.decode(column: "ignored", as: String.self)) ?? .paper,
                    ignoredAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "received_at", as: Int64.self))
                )
            }
        }
    }

    /// The reconciliation report, by building, with a last line for the whole vote.
    public func reconciliation(of vote: String) async throws -> [PaperReconciliation] {
        let (printed, entries, spoiled) = try await withConnection { db in
            let printed = Set(
                try await db.raw("SELECT code FROM paper_codes WHERE vote_id = \(bind: vote) AND printed_at IS NOT NULL")
                    .all(decodingColumn: "code", as: String.self))
            var entries: [String: Int] = [:]
            var spoiled: Set<String> = []
            for row in try await db.raw("SELECT code, spoiled FROM paper_entries WHERE vote_id = \(bind: vote)").all() {
                let code = try row.decode(column: "code", as: String.self)
                entries[code, default: 0] += 1
                if try row.decode(column: "spoiled", as: Int.self) != 0 { spoiled.insert(code) }
            }
            return (printed, entries, spoiled)
        }
        var lines: [String: PaperReconciliation] = [:]
        var total = PaperReconciliation(building: "")
        for ballot in try await ballots(of: vote) {
            var line = lines[ballot.building] ?? PaperReconciliation(building: ballot.building)
            let count = entries[ballot.code] ?? 0
            for target in [0, 1] {
                var item = target == 0 ? line : total
                if printed.contains(ballot.code) { item.printed += 1 }
                if count >= 1 { item.returned += 1 }
                if count >= 2 { item.doubleEntered += 1 }
                if ballot.state == .confirmed { item.confirmed += 1 }
                if ballot.state == .confirmed && spoiled.contains(ballot.code) { item.spoiled += 1 }
                if ballot.state == .conflict { item.conflicts += 1 }
                if ballot.state == .mismatch { item.mismatches += 1 }
                if target == 0 { line = item } else { total = item }
            }
            lines[ballot.building] = line
        }
        return lines.values.sorted { $0.building.localizedStandardCompare($1.building) == .orderedAscending } + [total]
    }
}
