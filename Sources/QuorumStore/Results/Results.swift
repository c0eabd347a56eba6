import Crypto
import QuorumCore
import SQLKit

/// A vote's files as FORMATS.md lays them out: what an auditor recounts with `quorum tally`
/// and checks against the log with `quorum verify --ballots`.
public struct VoteExport: Sendable, Hashable {
    /// The register as the vote's electorate was formed from it. Owner IDs are the keyed
    /// hashes the store keeps (equal numbers, equal hashes: persons group as they did) and
    /// names are masked; phones are left out.
    public var registry: String
    public var matters: String
    /// The counted ballots, one row per (unit, matter), with each ballot's `log_index` and
    /// `salt` (extra columns `quorum tally` ignores and `quorum verify --ballots` reads).
    public var ballots: String
    /// Units of the persons whose delivery is recorded, when the vote counts silent owners.
    public var deliveries: String?

    /// The tally these files give: exactly what `quorum tally` prints on them.
    public func tally() throws -> TallyResult {
        try Recount.run(
            RecountFiles(
                registry: ("registry.csv", Array(registry.utf8)), matters: ("matters.json", Array(matters.utf8)),
                ballots: ("ballots.csv", Array(ballots.utf8)), deliveries: deliveries.map { ("deliveries.csv", Array($0.utf8)) }))
    }
}

extension ResultsStore {
    /// Writes the opening and the closing into the audit log once their time has come, and
    /// counts the vote at its close: the tally is `quorum tally` on the vote's own export.
    /// Safe to call from any instance at any time; each step happens once.
    @discardableResult
    public func settle(_ id: String) async throws -> StoredVote? {
        // One read: the vote and whether its opening and closing are logged yet.
        guard let row = try await withConnection({ db in try await db.raw("SELECT * FROM votes WHERE id = \(bind: id)").first() }) else {
            return nil
        }
        var vote = try VotingStore.vote(from: row)
        if vote.isDraft { return vote }
        let now = clock()
        let opened = try row.decode(column: "opened_logged", as: Int.self)
        let closed = try row.decode(column: "closed_logged", as: Int.self)
        if opened == 0 && vote.window(at: now) != .notOpenYet {
            try await logOnce("opened_logged", vote: id, entries: [LogEntry(vote: id, time: vote.opensAt, event: .voteOpened(actor: "system"))])
        }
        if closed == 0 && vote.window(at: now) == .closed, try await !paper.countWaitsForPaper(vote, at: now) {
            // Nothing can be added once the paper entry is over, so the count can be taken before the write.
            let tally = try await exportFiles(of: vote).tally().json.rendered()
            let sha = hex(SHA256.hash(data: Array(tally.utf8)))
            try await logOnce(
                "closed_logged", vote: id,
                entries: [
                    LogEntry(vote: id, time: vote.closesAt, event: .voteClosed(actor: "system")),
                    LogEntry(vote: id, time: now, event: .tallied(tallySHA256: sha, actor: "system")),
                ]
            ) { db in
                try await db.raw("UPDATE votes SET tally_json = \(bind: tally) WHERE id = \(bind: id)").run()
            }
            vote.tallyJSON = tally
        }
        return vote
    }

    /// Settles every vote whose opening or closing is due (the server runs this every few seconds).
    public func settleDue() async throws {
        let now = clock().millisecondsSinceEpoch
        let due = try await withConnection { db in
            try await db.raw(
                """
                SELECT id FROM votes WHERE status <> 'draft' AND ((opened_logged = 0 AND opens_at <= \(bind: now))
                OR (closed_logged = 0 AND closes_at <= \(bind: now)))
                """
            ).all(decodingColumn: "id", as: String.self)
        }
        for id in due { try await settle(id) }
    }

    /// Sets a flag from 0 to 1 and appends the entries, in one transaction, if this caller
    /// is the one that set it.
    private func logOnce(
        _ flag: String, vote: String, entries: [LogEntry], also: (@Sendable (any SQLDatabase) async throws -> Void)? = nil
    ) async throws {
        try await writing { db in
            let claimed = try await db.raw(
                "UPDATE votes SET \(ident: flag) = 1 WHERE id = \(bind: vote) AND \(ident: flag) = 0 RETURNING id"
            ).first()
            guard claimed != nil else { return }
            try await also?(db)
            _ = try await log.appendAndSign(entries, on: db)
        }
    }

    /// Checks that `file` may be downloaded now (`VoteFile.isAvailable`: a file naming units
    /// or owners only once the vote is counted) and logs a download of such a file with who
    /// makes it, before it is made.
    public func recordExport(_ file: VoteFile, of vote: StoredVote, actor: String) async throws {
        guard file.isAvailable(in: vote.phase(at: clock())) else { throw ResultError.sealedUntilCounted(file) }
        guard file.isPersonal else { return }
        try await log.append([LogEntry(vote: vote.id, time: clock(), event: .exported(file: file, actor: actor))])
    }

    /// The vote's files: registry.csv, matters.json, ballots.csv (and deliveries.csv when the
    /// silent-majority rule is on), exactly as FORMATS.md specifies.
    public func exportFiles(of vote: StoredVote) async throws -> VoteExport {
        let revision = try await withConnection { db in
            try await db.raw("SELECT register_revision FROM votes WHERE id = \(bind: vote.id)").first(
                decodingColumn: "register_revision", as: Int.self)
        }
        guard let revision, let stored = try await register.stored(of: vote.estateID, at: revision) else { throw SetupError.noRegister }
        var registry = CSVWriter.row(
            ["unit_id", "building", "entrance", "room", "area", "area_source", "use", "owner_name", "owner_id", "owner_kind"])
        for unit in stored.register.units {
            for owner in unit.owners {
                registry += CSVWriter.row([
                    unit.id, unit.building, unit.entrance ?? "", unit.room, unit.area.description, unit.areaSource.rawValue,
                    unit.use.rawValue, Masking.name(owner.name, isPerson: owner.kind == .person), owner.idNumber, owner.kind.rawValue,
                ])
            }
        }
        let (ballots, delivered) = try await withConnection { db in
            var units: [Int: [String]] = [:]
            for row in try await db.raw("SELECT person, unit_no FROM vote_units WHERE vote_id = \(bind: vote.id) ORDER BY unit_no").all() {
                units[try row.decode(column: "person", as: Int.self), default: []].append(try row.decode(column: "unit_no", as: String.self))
            }
            var text = CSVWriter.row(["unit_id", "matter", "choice", "channel", "received_at", "log_index", "salt"])
            for row in try await db.raw(
                """
                SELECT person, channel, received_at, choices, log_index, salt FROM ballots WHERE vote_id = \(bind: vote.id)
                ORDER BY received_at, person
                """
            ).all() {
                let choices = try BallotChoices(canonicalJSON: try row.decode(column: "choices", as: String.self))
                let channel = try row.decode(column: "channel", as: String.self)
                let at = Timestamp(millisecondsSinceEpoch: try row.decode(column: "received_at", as: Int64.self)).description
                let index = String(try row.decode(column: "log_index", as: Int.self))
                let salt = try row.decode(column: "salt", as: String.self)
                for unit in units[try row.decode(column: "person", as: Int.self)] ?? [] {
                    for matter in vote.definition.matters {
                        text += CSVWriter.row([unit, matter.id, choices.exportText(for: matter.id) ?? "", channel, at, index, salt])
                    }
                }
            }
            var delivered: String?
            if vote.definition.settings.silentMajority {
                var rows = CSVWriter.row(["unit_id"])
                let persons = Set(
                    try await db.raw("SELECT DISTINCT person FROM deliveries WHERE vote_id = \(bind: vote.id)").all(
                        decodingColumn: "person", as: Int.self))
                for person in persons.sorted() { for unit in units[person] ?? [] { rows += CSVWriter.row([unit]) } }
                delivered = rows
            }
            return (text, delivered)
        }
        return VoteExport(registry: registry, matters: vote.definition.mattersJSON, ballots: ballots, deliveries: delivered)
    }

    /// Publishes the count: first as preliminary (owners may object for the vote's objection
    /// period), then as final once the period is over. Each publication is in the log with
    /// the hash of the tally it published.
    public func publishResult(_ id: String, final: Bool, actor: String) async throws -> StoredVote {
        guard let vote = try await settle(id), let tally = vote.tallyJSON else { throw ResultError.notCounted }
        let now = clock()
        let column: String
        if final {
            guard let preliminary = vote.preliminaryAt else { throw ResultError.notPreliminary }
            guard vote.finalAt == nil else { throw ResultError.alreadyPublished }
            let ends = vote.calendar.objectionEnds(publishedAt: preliminary)
            guard now >= ends else { throw ResultError.objectionPeriod(until: ends) }
            let open = try await tickets.openCount(about: vote.subject)
            guard open == 0 else { throw ResultError.objectionsOpen(open) }
            column = "final_at"
        } else {
            guard vote.preliminaryAt == nil else { throw ResultError.alreadyPublished }
            column = "preliminary_at"
        }
        let document = LogDocument(name: final ? "tally.json (final)" : "tally.json (preliminary)", sha256: hex(SHA256.hash(data: Array(tally.utf8))))
        try await writing { db in
            let claimed = try await db.raw(
                "UPDATE votes SET \(ident: column) = \(bind: now.millisecondsSinceEpoch) WHERE id = \(bind: id) AND \(ident: column) IS NULL RETURNING id"
            ).first()
            guard claimed != nil else { throw ResultError.alreadyPublished }
            _ = try await log.appendAndSign([LogEntry(vote: id, time: now, event: .published(actor: actor, documents: [document]))], on: db)
        }
        guard let published = try await voting.vote(id) else { throw CastError.noSuchVote }
        return published
    }
}

extension StoredVote {
    /// SHA-256 of the stored tally.json, as the log's `tally` entry records it.
    public var tallySHA256: String? {
        tallyJSON.map { hex(SHA256.hash(data: Array($0.utf8))) }
    }
}
