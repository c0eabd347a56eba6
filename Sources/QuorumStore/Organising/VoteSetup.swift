import Crypto
import QuorumCore
import SQLKit

extension OrganisingStore {
    /// Starts a vote as a draft: nothing is published, everything may still change. It takes
    /// the estate's settings as they are now (`SettingsStore`); the notice takes them again.
    public func createDraft(estate: Int64, definition: VoteDefinition, opensAt: Timestamp, closesAt: Timestamp, actor: String) async throws
        -> StoredVote
    {
        try await createDraft(estate: estate, definition: definition, opensAt: opensAt, closesAt: closesAt, actor: actor) { _ in }
    }

    /// A draft whose settings `adjust` changes from the estate's (an imported vote's own).
    func createDraft(
        estate: Int64, definition: VoteDefinition, opensAt: Timestamp, closesAt: Timestamp, actor: String,
        adjust: (inout EstateSettings) -> Void
    ) async throws -> StoredVote {
        try Self.check(definition, opensAt: opensAt, closesAt: closesAt)
        guard let revision = try await register.stored(of: estate)?.revision else { throw SetupError.noRegister }
        var random = SystemRandomNumberGenerator()
        let id = CheckedCode.identifier(using: &random)
        try await writing { db in
            var (settings, number) = try await self.settings.current(of: estate, on: db)
            adjust(&settings)
            let definition = Self.applying(settings, to: definition)
            try await db.raw(
                """
                INSERT INTO votes (id, estate_id, title, definition, opens_at, closes_at, register_revision, total_area, total_heads,
                created_at, status, settings, settings_revision, created_by) VALUES (\(bind: id), \(bind: estate),
                \(bind: definition.name), \(bind: definition.mattersJSON), \(bind: opensAt.millisecondsSinceEpoch),
                \(bind: closesAt.millisecondsSinceEpoch), \(bind: revision.number), 0, 0, \(bind: clock().millisecondsSinceEpoch), 'draft',
                \(bind: settings.json.canonical), \(bind: number), \(bind: actor))
                """
            ).run()
            // The log records the vote and the hash of its matters.json as first set up.
            _ = try await log.appendAndSign(
                [
                    LogEntry(
                        vote: id, time: clock(),
                        event: .voteCreated(title: definition.name, actor: actor, documents: [Self.mattersDocument(definition)]))
                ],
                on: db)
        }
        guard let vote = try await voting.vote(id) else { throw CastError.noSuchVote }
        return vote
    }

    /// Changes a draft; it takes the estate's settings as they are now.
    public func updateDraft(_ id: String, definition: VoteDefinition, opensAt: Timestamp, closesAt: Timestamp) async throws {
        try Self.check(definition, opensAt: opensAt, closesAt: closesAt)
        try await writing { db in
            guard
                let estate = try await db.raw("SELECT estate_id FROM votes WHERE id = \(bind: id)").first(decodingColumn: "estate_id", as: Int64.self)
            else { throw SetupError.notDraft }
            let (settings, number) = try await self.settings.current(of: estate, on: db)
            let definition = Self.applying(settings, to: definition)
            let changed = try await db.raw(
                """
                UPDATE votes SET title = \(bind: definition.name), definition = \(bind: definition.mattersJSON),
                opens_at = \(bind: opensAt.millisecondsSinceEpoch), closes_at = \(bind: closesAt.millisecondsSinceEpoch),
                settings = \(bind: settings.json.canonical), settings_revision = \(bind: number)
                WHERE id = \(bind: id) AND status = 'draft' RETURNING id
                """
            ).first()
            guard changed != nil else { throw SetupError.notDraft }
        }
    }

    /// The definition with the settings' silent majority (the count reads it from matters.json).
    static func applying(_ settings: EstateSettings, to definition: VoteDefinition) -> VoteDefinition {
        var definition = definition
        definition.settings.silentMajority = settings.silentMajority
        return definition
    }

    static func check(_ definition: VoteDefinition, opensAt: Timestamp, closesAt: Timestamp) throws {
        guard !definition.matters.isEmpty else { throw SetupError.noMatters }
        guard opensAt < closesAt else { throw SetupError.windowInvalid }
        // The same checks as a matters.json read from a file: one set of rules.
        do { _ = try VoteDefinition.read(json: Array(definition.mattersJSON.utf8)) } catch let failure as InputErrors {
            throw SetupError.definition(failure.errors)
        }
    }

    static func mattersDocument(_ definition: VoteDefinition) -> LogDocument {
        LogDocument(name: "matters.json", sha256: hex(SHA256.hash(data: Array(definition.mattersJSON.utf8))))
    }

    /// Attaches a PDF or image to a draft's notice.
    @discardableResult
    public func addDocument(to vote: String, name: String, bytes: [UInt8], actor: String) async throws -> AttachedDocument {
        let file = try DocumentFile(bytes)
        return try await writing { db in
            guard
                let estate = try await db.raw("SELECT estate_id FROM votes WHERE id = \(bind: vote) AND status = 'draft'")
                    .first(decodingColumn: "estate_id", as: Int64.self)
            else { throw SetupError.notDraft }
            return try await documents.attach(file, named: name, to: .vote(vote, estate: estate), by: actor, on: db)
        }
    }

    /// Publishes the notice (公告): the matters freeze, the electorate is formed from the
    /// estate's register now, every voting person gets a paper-ballot code, and the log
    /// records the notice with the hash of every document. Refused if the vote would open
    /// before the notice has stood 15 full days (RULES.md §4).
    public func publishNotice(_ id: String, actor: String) async throws -> StoredVote {
        guard let vote = try await voting.vote(id) else { throw CastError.noSuchVote }
        guard vote.isDraft else { throw SetupError.notDraft }
        let now = clock()
        let earliest = VoteCalendar.earliestOpening(noticedAt: now)
        guard vote.opensAt >= earliest else { throw SetupError.noticeTooShort(earliestOpening: earliest) }
        return try await writing { db in
            // The vote keeps the estate's settings as they are at its notice, whatever changes later.
            var draft = vote
            (draft.settings, draft.settingsRevision) = try await settings.current(of: vote.estateID, on: db)
            draft.definition = Self.applying(draft.settings, to: vote.definition)
            try await db.raw(
                """
                UPDATE votes SET settings = \(bind: draft.settings.json.canonical), settings_revision = \(bind: draft.settingsRevision),
                definition = \(bind: draft.definition.mattersJSON) WHERE id = \(bind: vote.id)
                """
            ).run()
            return try await freeze(draft, noticedAt: now, actor: actor, on: db)
        }
    }

    /// Forms and stores the electorate of a draft, marks it noticed and logs the notice.
    func freeze(_ draft: StoredVote, noticedAt: Timestamp?, actor: String, on db: any SQLDatabase) async throws -> StoredVote {
        let claimed = try await db.raw("UPDATE votes SET status = 'noticed' WHERE id = \(bind: draft.id) AND status = 'draft' RETURNING id")
            .first()
        guard claimed != nil else { throw SetupError.notDraft }
        guard let stored = try await register.stored(of: draft.estateID) else { throw SetupError.noRegister }
        let electorate = try Electorate(register: stored.register, vote: draft.definition)
        let id = draft.id
        let units = stored.register.units
        var persons: [[any Encodable & Sendable]] = []
        var members: [[any Encodable & Sendable]] = []
        var unitRows: [[any Encodable & Sendable]] = []
        var codes: [[any Encodable & Sendable]] = []
        var random = SystemRandomNumberGenerator()
        for (index, person) in electorate.persons.enumerated() {
            let rooms = person.units.map { VotingStore.roomName(units[$0]) }.joined(separator: "、")
            persons.append([id, index, person.weight.area.centiSquareMetres, person.isDeveloper ? 1 : 0, rooms])
            codes.append([CheckedCode.make(count: 10, using: &random), id, index])
            var seen = Set<String>()
            for unit in person.units {
                unitRows.append([id, units[unit].id, index])
                for owner in units[unit].owners where seen.insert(owner.idNumber).inserted {
                    members.append([id, owner.idNumber, index])
                }
            }
        }
        try await voting.insert(into: "vote_persons", columns: ["vote_id", "person", "area", "is_developer", "rooms"], rows: persons, on: db)
        try await voting.insert(into: "vote_members", columns: ["vote_id", "id_hash", "person"], rows: members, on: db)
        try await voting.insert(into: "vote_units", columns: ["vote_id", "unit_no", "person"], rows: unitRows, on: db)
        try await voting.insert(into: "paper_codes", columns: ["code", "vote_id", "person"], rows: codes, on: db)
        try await db.raw(
            """
            UPDATE votes SET noticed_at = \(bind: noticedAt?.millisecondsSinceEpoch), register_revision = \(bind: stored.revision.number),
            total_area = \(bind: electorate.total.area.centiSquareMetres), total_heads = \(bind: electorate.total.heads)
            WHERE id = \(bind: id)
            """
        ).run()
        let attached = try await documents.list(of: draft.subject, on: db).map { LogDocument(name: $0.name, sha256: $0.sha256) }
        _ = try await log.appendAndSign(
            [
                LogEntry(
                    vote: id, time: clock(), event: .noticePublished(actor: actor, documents: [Self.mattersDocument(draft.definition)] + attached))
            ],
            on: db)
        var vote = draft
        vote.isDraft = false
        vote.noticedAt = noticedAt
        vote.total = electorate.total
        return vote
    }
}
