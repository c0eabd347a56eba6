import Crypto
import QuorumCore
import SQLKit

/// Tickets (`Ticket`): filing, answering, passing unanswered ones up their chain, reading.
/// Each step is an audit-log entry in the same transaction as the row it changes.
extension TicketStore {
    /// Files an owner's objection to `matter` of a vote with a preliminary result, for one of
    /// the owner's voting persons in it (`voter`, which the caller has resolved from the
    /// owner's session), within the objection period (`VoteCalendar.checkObjection`).
    public func fileObjection(_ raw: String, on matter: String, of vote: StoredVote, voter: VoterView, owner: String) async throws -> Ticket {
        try vote.calendar.checkObjection(at: clock(), preliminaryAt: vote.preliminaryAt, final: vote.finalAt != nil)
        guard vote.definition.matters.contains(where: { $0.id == matter }) else { throw TicketError.noSuchMatter }
        return try await file(.objection, raw, item: matter, of: vote, voter: voter, owner: owner)
    }

    /// Files an owner's dispute of the ballot received for `voter` ("not you? object here"):
    /// once a ballot was received for the person, until the final result (which waits for its
    /// answer, as for every ticket about the vote).
    public func fileDispute(_ raw: String, of vote: StoredVote, voter: VoterView, owner: String) async throws -> Ticket {
        guard vote.finalAt == nil else { throw TicketError.finalPublished }
        guard voter.votedAt != nil else { throw TicketError.noBallot }
        return try await file(.ballotDispute, raw, item: TicketKind.disputedBallot, of: vote, voter: voter, owner: owner)
    }

    private func file(_ kind: TicketKind, _ raw: String, item: String, of vote: StoredVote, voter: VoterView, owner: String) async throws
        -> Ticket
    {
        let text = try TicketLimits.text(raw)
        let now = clock()
        let ticket = Ticket(
            id: "T" + randomHex(bytes: 8).uppercased(), kind: kind, about: vote.subject, item: item, filedAt: now, asker: voter.rooms,
            answerDays: vote.settings.answerDays, text: text)
        try await writing { db in
            let open = try await db.raw(
                """
                SELECT COUNT(*) AS n FROM tickets WHERE \(Self.matching(ticket.about)) AND asker_owner = \(bind: owner)
                AND answered_at IS NULL
                """
            ).first(decodingColumn: "n", as: Int.self)
            guard (open ?? 0) < TicketLimits.openPerAsker else { throw TicketError.tooMany }
            try await db.raw(
                """
                INSERT INTO tickets (id, kind, estate_id, subject_kind, subject_id, item, asker_owner, asker_person, asker_label,
                filed_at, answer_days, text, passed_logged) VALUES (\(bind: ticket.id), \(bind: kind.rawValue),
                \(bind: ticket.about.estate), \(bind: ticket.about.kind), \(bind: ticket.about.id), \(bind: item), \(bind: owner),
                \(bind: voter.person), \(bind: ticket.asker), \(bind: now.millisecondsSinceEpoch), \(bind: ticket.answerDays),
                \(bind: text), 0)
                """
            ).run()
            let asker = try await log.voterPseudonym(vote: vote.id, person: String(voter.person), on: db)
            let filed = AuditEvent.ticketFiled(
                ticket: ticket.id, kind: kind, item: item, asker: asker, due: ticket.due(level: 0), textSHA256: Self.sha256(text))
            _ = try await log.appendAndSign([LogEntry(vote: vote.id, time: now, event: filed)], subject: Self.subject(of: ticket), on: db)
        }
        return ticket
    }

    /// Answers a ticket for `desk` (the staff member's), in writing. The passes up the chain
    /// due before now are logged first, so the log tells the ticket's steps in order.
    public func answer(_ id: String, with raw: String, as desk: TicketDesk, actor: String) async throws -> Ticket {
        let text = try TicketLimits.text(raw)
        let now = clock()
        return try await writing { db in
            guard var ticket = try await ticket(id, on: db) else { throw TicketError.noSuchTicket }
            try ticket.check(answeringAs: desk, at: now)
            try await logPasses(of: ticket, at: now, on: db)
            let claimed = try await db.raw(
                """
                UPDATE tickets SET answer = \(bind: text), answer_desk = \(bind: desk.rawValue), answered_by = \(bind: actor),
                answered_at = \(bind: now.millisecondsSinceEpoch) WHERE id = \(bind: id) AND answered_at IS NULL RETURNING id
                """
            ).first()
            guard claimed != nil else { throw TicketError.alreadyAnswered }
            let answered = AuditEvent.ticketAnswered(ticket: id, desk: desk, actor: actor, textSHA256: Self.sha256(text))
            _ = try await log.appendAndSign(
                [LogEntry(vote: Self.vote(of: ticket), time: now, event: answered)], subject: Self.subject(of: ticket), on: db)
            ticket.answer = TicketAnswer(text: text, desk: desk, actor: actor, at: now)
            return ticket
        }
    }

    /// Logs every pass up the chain that is due and not yet logged, for every open ticket
    /// (the server runs this every few seconds; safe from any instance, each pass logged once).
    public func passDue() async throws {
        let now = clock()
        let open = try await withConnection { db in
            try await db.raw("SELECT id FROM tickets WHERE answered_at IS NULL").all(decodingColumn: "id", as: String.self)
        }
        for id in open {
            try await writing { db in
                guard let ticket = try await ticket(id, on: db), ticket.answer == nil else { return }
                try await logPasses(of: ticket, at: now, on: db)
            }
        }
    }

    /// One ticket by id.
    public func ticket(_ id: String) async throws -> Ticket? {
        try await withConnection { try await ticket(id, on: $0) }
    }

    /// The tickets about a record, oldest first; only `owner`'s when given.
    public func tickets(about subject: Subject, owner: String? = nil) async throws -> [Ticket] {
        let mine: SQLQueryString = owner.map { "AND asker_owner = \(bind: $0)" } ?? ""
        return try await withConnection { db in
            try await db.raw("SELECT * FROM tickets WHERE \(Self.matching(subject)) \(mine) ORDER BY filed_at, id").all().map(Self.ticket(from:))
        }
    }

    /// How many tickets about a record still wait for their answer.
    public func openCount(about subject: Subject) async throws -> Int {
        try await withConnection { db in
            try await db.raw("SELECT COUNT(*) AS n FROM tickets WHERE \(Self.matching(subject)) AND answered_at IS NULL").first(
                decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    /// The unanswered tickets of the estates given, oldest first.
    public func open(in estates: [Int64]) async throws -> [Ticket] {
        guard !estates.isEmpty else { return [] }
        let list = SQLList(estates.map { SQLBind($0) })
        return try await withConnection { db in
            try await db.raw("SELECT * FROM tickets WHERE answered_at IS NULL AND estate_id IN (\(list)) ORDER BY filed_at, id").all()
                .map(Self.ticket(from:))
        }
    }

    // MARK: - Inside

    /// Logs the passes of `ticket` due at `now` beyond those logged (in the open transaction).
    private func logPasses(of ticket: Ticket, at now: Timestamp, on db: any SQLDatabase) async throws {
        guard let standing = ticket.standing(at: now) else { return }
        let logged =
            try await db.raw("SELECT passed_logged FROM tickets WHERE id = \(bind: ticket.id)").first(decodingColumn: "passed_logged", as: Int.self)
            ?? 0
        guard standing.level > logged else { return }
        let claimed = try await db.raw(
            "UPDATE tickets SET passed_logged = \(bind: standing.level) WHERE id = \(bind: ticket.id) AND passed_logged = \(bind: logged) RETURNING id"
        ).first()
        guard claimed != nil else { return }
        let entries = (logged + 1...standing.level).map { level in
            LogEntry(
                vote: Self.vote(of: ticket), time: ticket.due(level: level - 1),
                event: .ticketPassed(ticket: ticket.id, desk: ticket.kind.chain[level], due: ticket.due(level: level)))
        }
        _ = try await log.appendAndSign(entries, subject: Self.subject(of: ticket), on: db)
    }

    private func ticket(_ id: String, on db: any SQLDatabase) async throws -> Ticket? {
        try await db.raw("SELECT * FROM tickets WHERE id = \(bind: id)").first().map(Self.ticket(from:))
    }

    static func ticket(from row: any SQLRow) throws -> Ticket {
        let kind = try row.decode(column: "kind", as: String.self)
        var ticket = Ticket(
            id: try row.decode(column: "id", as: String.self), kind: TicketKind(rawValue: kind) ?? .objection,
            about: Subject(
                estate: try row.decode(column: "estate_id", as: Int64.self), kind: try row.decode(column: "subject_kind", as: String.self),
                id: try row.decode(column: "subject_id", as: String.self)),
            item: try row.decode(column: "item", as: String.self),
            filedAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "filed_at", as: Int64.self)),
            asker: try row.decode(column: "asker_label", as: String.self), answerDays: try row.decode(column: "answer_days", as: Int.self),
            text: try row.decode(column: "text", as: String.self))
        if let at = try row.decode(column: "answered_at", as: Int64?.self) {
            ticket.answer = TicketAnswer(
                text: try row.decode(column: "answer", as: String.self),
                desk: TicketDesk(rawValue: try row.decode(column: "answer_desk", as: String.self)) ?? .committee,
                actor: try row.decode(column: "answered_by", as: String.self), at: Timestamp(millisecondsSinceEpoch: at))
        }
        return ticket
    }

    /// A ticket's log entries: about the ticket, in its estate; the vote's, for an objection.
    private static func subject(of ticket: Ticket) -> Subject { Subject(estate: ticket.about.estate, kind: "ticket", id: ticket.id) }
    private static func vote(of ticket: Ticket) -> String { ticket.about.kind == "vote" ? ticket.about.id : "" }

    private static func matching(_ subject: Subject) -> SQLQueryString {
        "estate_id = \(bind: subject.estate) AND subject_kind = \(bind: subject.kind) AND subject_id = \(bind: subject.id)"
    }

    private static func sha256(_ text: String) -> String { hex(SHA256.hash(data: Array(text.utf8))) }
}
