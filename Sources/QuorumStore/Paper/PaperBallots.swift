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
    /// The channel of the person's counted ballot, if they have one.
    public var voted: Channel?
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
    public var entries: [(clerk: String, reading: PaperReading)]

    public static func == (lhs: PaperMismatch, rhs: PaperMismatch) -> Bool {
        lhs.ballot == rhs.ballot && lhs.entries.map(\.clerk) == rhs.entries.map(\.clerk)
            && lhs.entries.map(\.reading) == rhs.entries.map(\.reading)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(ballot) }
}

extension PaperStore {
    /// The paper ballots of a vote, one per voting person.
    public func ballots(of vote: String) async throws -> [PaperBallot] {
        try await withConnection { db in try await Self.ballots(of: vote, code: nil, on: db) }
    }

    /// Records that these ballots were printed now (the first time only).
    public func markPrinted(_ codes: [String], of vote: String) async throws {
        guard !codes.isEmpty else { return }
        try await withConnection { db in
            try await db.update("paper_codes").set("printed_at", to: clock().millisecondsSinceEpoch).where("vote_id", .equal, vote)
                .where("code", .in, codes).where("printed_at", .is, SQLLiteral.null).run()
        }
    }

    /// Whether `clerk` may enter the ballot now, or why not (`DoubleEntry.mayEnter`).
    public func entryRefusal(vote: StoredVote, ballot: PaperBallot, clerk: String) async throws -> PaperError? {
        let clerks = try await withConnection { db in try await Self.entries(vote: vote.id, code: ballot.code, on: db).map(\.clerk) }
        guard try await organising.isClerk(clerk, of: vote.id) else { return .notNamedClerk }
        do {
            if vote.paperCompleteAt != nil && vote.tallyJSON == nil { return .entryComplete }
            try DoubleEntry.mayEnter(state: ballot.state, isOpen: vote.paperEntryOpen(at: clock()), clerks: clerks, clerk: clerk)
            return nil
        } catch { return error }
    }

    /// The paper ballot with a (typed or scanned) code, if it is this vote's.
    public func ballot(vote: String, code: String) async throws -> PaperBallot? {
        guard let code = CheckedCode.normalized(code) else { return nil }
        return try await withConnection { db in try await Self.ballots(of: vote, code: code, on: db).first }
    }

    /// A vote's paper ballots by person, or the one with `code`.
    private static func ballots(of vote: String, code: String?, on db: any SQLDatabase) async throws -> [PaperBallot] {
        try await db.raw(
            """
            SELECT c.code, c.person, p.rooms, p.area, s.state, b.channel FROM paper_codes c
            JOIN vote_persons p ON p.vote_id = c.vote_id AND p.person = c.person
            LEFT JOIN paper_states s ON s.vote_id = c.vote_id AND s.code = c.code
            LEFT JOIN ballots b ON b.vote_id = c.vote_id AND b.person = c.person
            WHERE c.vote_id = \(bind: vote) AND c.code = COALESCE(\(bind: code), c.code) ORDER BY c.person
            """
        ).all().map(paperBallot(from:))
    }

    /// The clerks' entries of a paper ballot, in the order they were made.
    static func entries(vote: String, code: String, on db: any SQLDatabase) async throws -> [(clerk: String, reading: PaperReading)] {
        try await db.raw(
            """
            SELECT clerk, choices, collection_kind, collected_by, collected_at FROM paper_entries
            WHERE vote_id = \(bind: vote) AND code = \(bind: code) ORDER BY entered_at, clerk
            """
        ).all().map { row in
            let collection = PaperCollection(
                kind: PaperCollection.Kind(rawValue: try row.decode(column: "collection_kind", as: String.self)) ?? .hand,
                by: try row.decode(column: "collected_by", as: String.self),
                at: Timestamp(millisecondsSinceEpoch: try row.decode(column: "collected_at", as: Int64.self)))
            let choices = try BallotChoices(canonicalJSON: try row.decode(column: "choices", as: String.self))
            return (clerk: try row.decode(column: "clerk", as: String.self), reading: PaperReading(choices: choices, collection: collection))
        }
    }

    static func paperBallot(from row: any SQLRow) throws -> PaperBallot {
        let rooms = try row.decode(column: "rooms", as: String.self)
        return PaperBallot(
            code: try row.decode(column: "code", as: String.self), person: try row.decode(column: "person", as: Int.self), rooms: rooms,
            building: OrganisingStore.building(ofRooms: rooms), area: Area(centiSquareMetres: try row.decode(column: "area", as: Int64.self)),
            state: try row.decode(column: "state", as: String?.self).flatMap(PaperState.init(rawValue:)),
            voted: try row.decode(column: "channel", as: String?.self).flatMap(Channel.init(rawValue:)))
    }

    /// The resolution queue: mismatched ballots with both entries.
    public func mismatches(of vote: String) async throws -> [PaperMismatch] {
        var result: [PaperMismatch] = []
        for ballot in try await ballots(of: vote) where ballot.state == .mismatch {
            let entries = try await withConnection { db in try await Self.entries(vote: vote, code: ballot.code, on: db) }
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
            let count = entries[ballot.code] ?? 0
            // The ballot counts on its building's line and on the last.
            func add(to item: inout PaperReconciliation) {
                if printed.contains(ballot.code) { item.printed += 1 }
                if count >= 1 { item.returned += 1 }
                if count >= 2 { item.doubleEntered += 1 }
                if ballot.state == .confirmed { item.confirmed += 1 }
                if ballot.state == .confirmed && spoiled.contains(ballot.code) { item.spoiled += 1 }
                if ballot.state == .conflict { item.conflicts += 1 }
                if ballot.state == .mismatch { item.mismatches += 1 }
            }
            add(to: &lines[ballot.building, default: PaperReconciliation(building: ballot.building)])
            add(to: &total)
        }
        return lines.values.sorted { $0.building.localizedStandardCompare($1.building) == .orderedAscending } + [total]
    }
}
