import Crypto
import Foundation
import QuorumCore
import SQLKit

/// A vote as the store keeps it.
public struct StoredVote: Sendable, Hashable {
    public var id: String
    public var estateID: Int64
    public var definition: VoteDefinition
    public var opensAt: Timestamp
    public var closesAt: Timestamp
    public var total: Weight
    /// A draft can still change; a noticed vote's matters are frozen.
    public var isDraft: Bool = false
    /// When the notice was published in Quorum (nil: given outside it, for imported votes).
    public var noticedAt: Timestamp?
    /// The count at the close, as `quorum tally` prints it on the export.
    public var tallyJSON: String?
    public var preliminaryAt: Timestamp?
    public var finalAt: Timestamp?
    /// When the organiser declared the paper entry complete.
    public var paperCompleteAt: Timestamp?
    /// The estate's settings the vote was announced with (a draft: as they are now), and
    /// their revision (0: the defaults). Its silent majority is its matters.json's.
    public var settings = EstateSettings()
    public var settingsRevision = 0

    public var ballotChange: Bool { settings.ballotChange }
    /// Full days owners may object to a preliminary result before it becomes final.
    public var objectionDays: Int { settings.objectionDays }
    /// Local days after the deadline for the paper entry (RULES.md §3).
    public var countingDays: Int { settings.countingDays }

    public var title: String { definition.name }
    /// The vote as the subject of its documents and log entries.
    public var subject: Subject { .vote(id, estate: estateID) }

    /// The vote's window, notice, lists and objection period (RULES.md §4).
    public var calendar: VoteCalendar {
        VoteCalendar(opensAt: opensAt, closesAt: closesAt, objectionDays: objectionDays, countingDays: countingDays)
    }
    /// Whether ballots are taken at `time`: the calendar's window, closed for good once counted.
    public func window(at time: Timestamp) -> VoteCalendar.Window { calendar.window(at: time, counted: tallyJSON != nil) }
    public func isOpen(at time: Timestamp) -> Bool { window(at: time) == .open }
    /// Whether paper ballots collected in time may be typed in at `time` (after the deadline
    /// too, until the entry is declared complete or the counting period ends).
    public func paperEntryOpen(at time: Timestamp) -> Bool {
        calendar.paperEntry(at: time, completed: paperCompleteAt != nil, counted: tallyJSON != nil) == .open
    }

    /// Where the vote stands at `time`.
    public func phase(at time: Timestamp) -> VotePhase {
        calendar.phase(at: time, isDraft: isDraft, counted: tallyJSON != nil, preliminary: preliminaryAt != nil, final: finalAt != nil)
    }
}

/// A voting person of a vote, as an owner who may cast its ballot sees it.
public struct VoterView: Sendable, Hashable {
    public var person: Int
    public var rooms: String
    public var area: Area
    /// When this person's ballot was received, if it was.
    public var votedAt: Timestamp?
    /// How it was received.
    public var channel: Channel?
    /// Online, by a co-owner rather than the owner asking: the co-owner's name.
    public var coOwner: String?
}

/// What an owner keeps after casting: the receipt (回执).
public struct Receipt: Sendable, Hashable {
    public var code: String
    public var voteID: String
    public var person: Int
    public var rooms: String
    public var receivedAt: Timestamp
    public var choices: BallotChoices
    /// Hex of the 32 random bytes that, with the choices, make the ballot's commitment.
    public var salt: String
    /// The ballot's entry in the audit log, under a signed head: what `/verify?r=` checks.
    public var log: LogReceipt?
    /// Received but not counted: the person's paper ballot was collected before it (RULES.md §3).
    public var setAside = false
}

extension VotingStore {
    /// Creates a vote whose notice is already out (a vote imported, the demo's, the tests'):
    /// its electorate is formed from the estate's current register and frozen with it, so
    /// later imports do not change the count. `noticedAt`, when given, must respect the
    /// 15-day rule (RULES.md §4); organisers go through `createDraft` and `publishNotice`.
    public func createVote(
        estate: Int64, definition: VoteDefinition, opensAt: Timestamp, closesAt: Timestamp, ballotChange: Bool? = nil,
        noticedAt: Timestamp? = nil, actor: String = "system"
    ) async throws -> StoredVote {
        if let noticedAt {
            let earliest = VoteCalendar.earliestOpening(noticedAt: noticedAt)
            guard opensAt >= earliest else { throw SetupError.noticeTooShort(earliestOpening: earliest) }
        }
        // An imported vote has its own matters.json (its silent majority) and its own ballot change.
        let draft = try await organising.createDraft(estate: estate, definition: definition, opensAt: opensAt, closesAt: closesAt, actor: actor) {
            $0.silentMajority = definition.settings.silentMajority
            if let ballotChange { $0.ballotChange = ballotChange }
        }
        return try await writing { db in
            try await organising.freeze(draft, noticedAt: noticedAt, actor: actor, on: db)
        }
    }

    /// `7栋-2-1203`: building, entrance (if any) and room.
    static func roomName(_ unit: QuorumCore.Unit) -> String {
        [unit.building, unit.entrance, unit.room].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "-")
    }

    /// Inserts rows in batches, every value a bound parameter.
    func insert(into table: String, columns: [String], rows: [[any Encodable & Sendable]], on db: any SQLDatabase) async throws {
        // SQLite allows 32,766 bound parameters in a statement.
        let batch = max(1, 30_000 / columns.count)
        for start in stride(from: 0, to: rows.count, by: batch) {
            var insert = db.insert(into: table).columns(columns)
            for row in rows[start..<min(start + batch, rows.count)] {
                insert = insert.values(row.map { SQLBind($0) })
            }
            try await insert.run()
        }
    }

    public func vote(_ id: String) async throws -> StoredVote? {
        try await withConnection { db in
            guard let row = try await db.raw("SELECT * FROM votes WHERE id = \(bind: id)").first() else { return nil }
            return try Self.vote(from: row)
        }
    }

    /// The votes of an estate, the latest first.
    public func votes(of estate: Int64) async throws -> [StoredVote] {
        try await withConnection { db in
            try await db.raw("SELECT * FROM votes WHERE estate_id = \(bind: estate) ORDER BY opens_at DESC, id").all().map(Self.vote(from:))
        }
    }

    static func vote(from row: any SQLRow) throws -> StoredVote {
        let definition = try DefinitionCache.shared.definition(try row.decode(column: "definition", as: String.self))
        var settings = EstateSettings(json: CanonicalJSONReader.parse(try row.decode(column: "settings", as: String.self))) ?? EstateSettings()
        settings.silentMajority = definition.settings.silentMajority
        return StoredVote(
            id: try row.decode(column: "id", as: String.self), estateID: try row.decode(column: "estate_id", as: Int64.self),
            definition: definition,
            opensAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "opens_at", as: Int64.self)),
            closesAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "closes_at", as: Int64.self)),
            total: Weight(
                area: Area(centiSquareMetres: try row.decode(column: "total_area", as: Int64.self)),
                heads: try row.decode(column: "total_heads", as: Int.self)),
            isDraft: try row.decode(column: "status", as: String.self) == "draft",
            noticedAt: try row.decode(column: "noticed_at", as: Int64?.self).map(Timestamp.init(millisecondsSinceEpoch:)),
            tallyJSON: try row.decode(column: "tally_json", as: String?.self),
            preliminaryAt: try row.decode(column: "preliminary_at", as: Int64?.self).map(Timestamp.init(millisecondsSinceEpoch:)),
            finalAt: try row.decode(column: "final_at", as: Int64?.self).map(Timestamp.init(millisecondsSinceEpoch:)),
            paperCompleteAt: try row.decode(column: "paper_complete_at", as: Int64?.self).map(Timestamp.init(millisecondsSinceEpoch:)),
            settings: settings, settingsRevision: try row.decode(column: "settings_revision", as: Int.self))
    }

    /// The voting persons an owner may cast a ballot for in a vote: usually one; an owner who
    /// also co-owns other rooms has one for each distinct set of owners.
    ///
    /// `CROSS JOIN`: the owner's memberships first, then their persons. Without statistics
    /// SQLite otherwise walks every person of the vote (60,000 in a big estate: a millisecond
    /// and more on every page and every ballot); PostgreSQL plans it the same either way.
    public func voters(in vote: String, owner idHash: String) async throws -> [VoterView] {
        try await withConnection { db in
            try await db.raw(
                """
                SELECT p.person, p.rooms, p.area, b.received_at, b.channel,
                (SELECT MIN(o.name) FROM owners o WHERE o.id_hash = b.cast_by AND b.cast_by <> m.id_hash) AS co_owner FROM vote_members m
                CROSS JOIN vote_persons p
                LEFT JOIN ballots b ON b.vote_id = m.vote_id AND b.person = m.person
                WHERE m.vote_id = \(bind: vote) AND m.id_hash = \(bind: idHash) AND p.vote_id = m.vote_id AND p.person = m.person
                ORDER BY p.person
                """
            ).all().map { row in
                VoterView(
                    person: try row.decode(column: "person", as: Int.self), rooms: try row.decode(column: "rooms", as: String.self),
                    area: Area(centiSquareMetres: try row.decode(column: "area", as: Int64.self)),
                    votedAt: try row.decode(column: "received_at", as: Int64?.self).map(Timestamp.init(millisecondsSinceEpoch:)),
                    channel: try row.decode(column: "channel", as: String?.self).flatMap(Channel.init(rawValue:)),
                    coOwner: try row.decode(column: "co_owner", as: String?.self))
            }
        }
    }

    /// How many voting persons and how much area have voted so far. Nothing about choices.
    public func progress(of vote: StoredVote) async throws -> VoteProgress {
        try await withConnection { db in
            let row = try await db.raw(
                """
                SELECT COUNT(*) AS heads, CAST(COALESCE(SUM(p.area), 0) AS BIGINT) AS area FROM ballots b
                JOIN vote_persons p ON p.vote_id = b.vote_id AND p.person = b.person WHERE b.vote_id = \(bind: vote.id)
                """
            ).first()
            let heads = try row?.decode(column: "heads", as: Int.self) ?? 0
            let area = try row?.decode(column: "area", as: Int64.self) ?? 0
            return VoteProgress(voted: Weight(area: Area(centiSquareMetres: area), heads: heads), total: vote.total)
        }
    }

    /// Accepts an online ballot: that the vote exists, the choices are complete, the owner
    /// may cast this person's ballot, the window by the server's receipt time, and one
    /// effective ballot per person, by the primary key, whatever races. The ballot goes through
    /// the group commit (`CastBatcher`): it is checked and inserted with the ballots of
    /// concurrent requests in one transaction, and this returns once it and its log entry are
    /// committed.
    /// `estate`: the estate the owner signed in to; a vote of another estate is then no such vote.
    public func castOnline(
        vote voteID: String, person: Int, owner idHash: String, choices: BallotChoices, signature: Signature, estate: Int64? = nil
    ) async throws -> Receipt {
        try await database.casts.submit(
            PendingCast(voteID: voteID, person: person, idHash: idHash, choices: choices, signature: signature, estate: estate), to: self)
    }

    /// A receipt by its code, for the owner who holds it.
    /// An online ballot a paper ballot collected before it set aside keeps its receipt, which
    /// then says so (`setAside`).
    public func receipt(code: String) async throws -> Receipt? {
        guard !code.isEmpty else { return nil }
        let found = try await withConnection { db -> (receipt: Receipt, index: Int, channel: String)? in
            var setAside = false
            var found: (any SQLRow)?
            for table in ["ballots", "ballot_conflicts"] where found == nil {
                found = try await db.raw(
                    """
                    SELECT b.vote_id, b.person, b.received_at, b.choices, b.salt, b.log_index, b.channel, p.rooms FROM \(ident: table) b
                    JOIN vote_persons p ON p.vote_id = b.vote_id AND p.person = b.person WHERE b.receipt_code = \(bind: code)
                    """
                ).first()
                setAside = found != nil && table == "ballot_conflicts"
            }
            guard let row = found else { return nil }
            let receipt = Receipt(
                code: code, voteID: try row.decode(column: "vote_id", as: String.self), person: try row.decode(column: "person", as: Int.self),
                rooms: try row.decode(column: "rooms", as: String.self),
                receivedAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "received_at", as: Int64.self)),
                choices: try BallotChoices(canonicalJSON: try row.decode(column: "choices", as: String.self)),
                salt: try row.decode(column: "salt", as: String.self), setAside: setAside)
            let index = try row.decode(column: "log_index", as: Int.self)
            return (receipt: receipt, index: index, channel: try row.decode(column: "channel", as: String.self))
        }
        guard let found else { return nil }
        var receipt = found.receipt
        if found.index >= 0, let salt = ByteText.bytes(hex: receipt.salt, count: BallotCommitment.saltLength) {
            let index = found.index
            // The latest signed head: it covers the entry (and every ballot since).
            let head = try await log.treeHead(covering: index)
            let voter = try await log.voterPseudonym(vote: receipt.voteID, person: String(receipt.person))
            receipt.log = LogReceipt(
                index: index, vote: receipt.voteID, voter: voter, channel: Channel(rawValue: found.channel) ?? .online,
                time: receipt.receivedAt, choices: receipt.choices, salt: salt, head: head)
        }
        return receipt
    }
}

/// An owner's signature on a ballot (指导规则 Art. 22).
public struct Signature: Sendable, Hashable {
    /// `drawn` (a PNG data URL of the signature pad) or `typed` (the full name).
    public var kind: String
    public var data: String

    public static func drawn(_ dataURL: String) -> Signature { Signature(kind: "drawn", data: dataURL) }
    public static func typed(_ name: String) -> Signature { Signature(kind: "typed", data: name) }
}

extension VotingStore {
    /// The server's time now, as the store's clock tells it.
    public func now() -> Timestamp { clock() }

    /// The receipt codes of ballots an owner cast for some persons of a vote, by person.
    public func receipts(in vote: String, persons: [Int], castBy idHash: String) async throws -> [Int: String] {
        try await withConnection { db in
            var codes: [Int: String] = [:]
            for row in try await db.raw(
                "SELECT person, receipt_code FROM ballots WHERE vote_id = \(bind: vote) AND cast_by = \(bind: idHash)"
            ).all() {
                let person = try row.decode(column: "person", as: Int.self)
                if persons.contains(person) { codes[person] = try row.decode(column: "receipt_code", as: String.self) }
            }
            return codes
        }
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
