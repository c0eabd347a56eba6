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
    public var ballotChange: Bool
    public var total: Weight

    public var title: String { definition.name }

    /// Whether a ballot received at `time` is in time (RULES.md §3: the server's receipt
    /// time decides; the window includes its opening instant and excludes its closing one).
    public func isOpen(at time: Timestamp) -> Bool {
        opensAt <= time && time < closesAt
    }
}

/// A voting person of a vote, as an owner who may cast its ballot sees it.
public struct VoterView: Sendable, Hashable {
    public var person: Int
    public var rooms: String
    public var area: Area
    /// When this person's ballot was received, if it was.
    public var votedAt: Timestamp?
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
}

/// Why a ballot is refused, in words an owner understands.
public enum CastError: Error, Hashable, Sendable, CustomStringConvertible {
    case notOpenYet(opensAt: Timestamp)
    case closed(closedAt: Timestamp)
    case alreadyVoted(at: Timestamp)
    case notYourBallot
    case invalid([BallotProblem])
    case noSuchVote

    public var description: String {
        switch self {
        case .notOpenYet: "投票尚未开始 / voting has not opened yet"
        case .closed: "投票已截止，此票未被接收 / voting has closed; this ballot was not accepted"
        case .alreadyVoted: "这些房屋已经投过票，每人只有一次有效投票 / these rooms have already voted; there is one effective ballot per person"
        case .notYourBallot: "您不是这些房屋的业主 / you are not an owner of these rooms"
        case .invalid(let problems): problems.map(\.description).joined(separator: "; ")
        case .noSuchVote: "没有这次表决 / no such vote"
        }
    }
}

extension Store {
    /// Creates a vote on an estate's current register: its electorate (voting persons and
    /// totals) is formed now and frozen with it, so later imports do not change the count.
    public func createVote(
        estate: Int64, definition: VoteDefinition, opensAt: Timestamp, closesAt: Timestamp, ballotChange: Bool = false,
        actor: String = "system"
    ) async throws -> StoredVote {
        guard let stored = try await register(of: estate) else { throw StoreError.estateNotFound(String(estate)) }
        let electorate = try Electorate(register: stored.register, vote: definition)
        var random = SystemRandomNumberGenerator()
        let id = CheckedCode.identifier(using: &random)
        let vote = StoredVote(
            id: id, estateID: estate, definition: definition, opensAt: opensAt, closesAt: closesAt, ballotChange: ballotChange,
            total: electorate.total)
        let units = stored.register.units
        try await withConnection { db in
            try await transaction(on: db) {
                try await db.raw(
                    """
                    INSERT INTO votes (id, estate_id, title, definition, opens_at, closes_at, ballot_change, register_revision,
                    total_area, total_heads, created_at) VALUES (\(bind: id), \(bind: estate), \(bind: definition.name),
                    \(bind: definition.mattersJSON), \(bind: opensAt.millisecondsSinceEpoch), \(bind: closesAt.millisecondsSinceEpoch),
                    \(bind: ballotChange ? 1 : 0), \(bind: stored.revision.number), \(bind: electorate.total.area.centiSquareMetres),
                    \(bind: electorate.total.heads), \(bind: clock().millisecondsSinceEpoch))
                    """
                ).run()
                var persons: [[any Encodable & Sendable]] = []
                var members: [[any Encodable & Sendable]] = []
                var unitRows: [[any Encodable & Sendable]] = []
                for (index, person) in electorate.persons.enumerated() {
                    let rooms = person.units.map { Self.roomName(units[$0]) }.joined(separator: "、")
                    persons.append([id, index, person.weight.area.centiSquareMetres, person.isDeveloper ? 1 : 0, rooms])
                    var seen = Set<String>()
                    for unit in person.units {
                        unitRows.append([id, units[unit].id, index])
                        for owner in units[unit].owners where seen.insert(owner.idNumber).inserted {
                            members.append([id, owner.idNumber, index])
                        }
                    }
                }
                try await insert(into: "vote_persons", columns: ["vote_id", "person", "area", "is_developer", "rooms"], rows: persons, on: db)
                try await insert(into: "vote_members", columns: ["vote_id", "id_hash", "person"], rows: members, on: db)
                try await insert(into: "vote_units", columns: ["vote_id", "unit_no", "person"], rows: unitRows, on: db)
                // The log records the vote and the hash of its matters.json, last in the transaction.
                let matters = LogDocument(name: "matters.json", sha256: hex(SHA256.hash(data: Array(definition.mattersJSON.utf8))))
                try await appendToLog(
                    [LogEntry(vote: id, time: clock(), event: .voteCreated(title: definition.name, actor: actor, documents: [matters]))], on: db)
                return .commit(())
            }
        }
        return vote
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
        return StoredVote(
            id: try row.decode(column: "id", as: String.self), estateID: try row.decode(column: "estate_id", as: Int64.self),
            definition: definition,
            opensAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "opens_at", as: Int64.self)),
            closesAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "closes_at", as: Int64.self)),
            ballotChange: try row.decode(column: "ballot_change", as: Int.self) != 0,
            total: Weight(
                area: Area(centiSquareMetres: try row.decode(column: "total_area", as: Int64.self)),
                heads: try row.decode(column: "total_heads", as: Int.self)))
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
                SELECT p.person, p.rooms, p.area, b.received_at FROM vote_members m
                CROSS JOIN vote_persons p
                LEFT JOIN ballots b ON b.vote_id = m.vote_id AND b.person = m.person
                WHERE m.vote_id = \(bind: vote) AND m.id_hash = \(bind: idHash) AND p.vote_id = m.vote_id AND p.person = m.person
                ORDER BY p.person
                """
            ).all().map { row in
                VoterView(
                    person: try row.decode(column: "person", as: Int.self), rooms: try row.decode(column: "rooms", as: String.self),
                    area: Area(centiSquareMetres: try row.decode(column: "area", as: Int64.self)),
                    votedAt: try row.decode(column: "received_at", as: Int64?.self).map(Timestamp.init(millisecondsSinceEpoch:)))
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
    public func castOnline(
        vote voteID: String, person: Int, owner idHash: String, choices: BallotChoices, signature: Signature
    ) async throws -> Receipt {
        try await casts.submit(PendingCast(voteID: voteID, person: person, idHash: idHash, choices: choices, signature: signature), to: self)
    }

    /// A receipt by its code, for the owner who holds it.
    public func receipt(code: String) async throws -> Receipt? {
        let found = try await withConnection { db -> (receipt: Receipt, index: Int, channel: String)? in
            guard
                let row = try await db.raw(
                    """
                    SELECT b.*, p.rooms FROM ballots b JOIN vote_persons p ON p.vote_id = b.vote_id AND p.person = b.person
                    WHERE b.receipt_code = \(bind: code)
                    """
                ).first()
            else { return nil }
            let receipt = Receipt(
                code: code, voteID: try row.decode(column: "vote_id", as: String.self), person: try row.decode(column: "person", as: Int.self),
                rooms: try row.decode(column: "rooms", as: String.self),
                receivedAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "received_at", as: Int64.self)),
                choices: try BallotChoices(canonicalJSON: try row.decode(column: "choices", as: String.self)),
                salt: try row.decode(column: "salt", as: String.self))
            let index = try row.decode(column: "log_index", as: Int.self)
            return (receipt: receipt, index: index, channel: try row.decode(column: "channel", as: String.self))
        }
        guard let found else { return nil }
        var receipt = found.receipt
        if found.index >= 0, let salt = ByteText.bytes(hex: receipt.salt, count: BallotCommitment.saltLength) {
            let index = found.index
            // The latest signed head: it covers the entry (and every ballot since).
            let head = try await treeHead(covering: index)
            let voter = try await voterPseudonym(vote: receipt.voteID, person: String(receipt.person))
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

extension Store {
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
