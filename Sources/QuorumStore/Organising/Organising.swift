import QuorumCore
import SQLKit

/// A voting person as the organiser's lists show it: rooms only, never names or numbers.
public struct PersonRow: Sendable, Hashable {
    public var person: Int
    public var rooms: String
    public var building: String
    public var area: Area
    /// Each way the notice reached the person, with its local day (`YYYY-MM-DD`).
    public var deliveredOn: [DeliveryMethod: String]
    public var deliveries: Set<DeliveryMethod> { Set(deliveredOn.keys) }
    public var voted: Channel?
}

/// Progress of one building (the building of a person's first room).
public struct BuildingProgress: Sendable, Hashable {
    public var building: String
    public var total: Weight
    public var voted: Weight
    public var online: Weight
    public var paper: Weight
}

extension OrganisingStore {
    /// Every voting person of a vote with their delivery records and whether (and how) they
    /// voted, by person number.
    public func persons(of vote: String) async throws -> [PersonRow] {
        try await withConnection { db in try await persons(of: vote, on: db) }
    }

    /// The delivery page's rows, and how many persons the notice has reached by any means.
    /// Which rooms have seen the notice online is personal data (issue 13): with `actor` it
    /// is read in one transaction with a `list_accessed` entry (list `delivery`) naming
    /// them; without, no row carries `.online`.
    public func deliveryRecord(of vote: String, seenOnlineBy actor: String?) async throws -> (persons: [PersonRow], reached: Int) {
        let rows: [PersonRow]
        if let actor {
            rows = try await writing { db in
                let rows = try await persons(of: vote, on: db)
                let entry = LogEntry(vote: vote, time: clock(), event: .listAccessed(list: .delivery, actor: actor))
                _ = try await log.appendAndSign([entry], on: db)
                return rows
            }
        } else {
            rows = try await persons(of: vote)
        }
        let reached = rows.filter { !$0.deliveries.isEmpty }.count
        return (
            actor == nil
                ? rows.map {
                    var row = $0
                    row.deliveredOn[.online] = nil
                    return row
                } : rows, reached
        )
    }

    private func persons(of vote: String, on db: any SQLDatabase) async throws -> [PersonRow] {
        var deliveries: [Int: [DeliveryMethod: String]] = [:]
        for row in try await db.raw("SELECT person, method, recorded_at, delivered_on FROM deliveries WHERE vote_id = \(bind: vote)").all() {
            if let method = DeliveryMethod(rawValue: try row.decode(column: "method", as: String.self)) {
                // Records from before migration 016 have no day: the day they were recorded.
                let recorded = Timestamp(millisecondsSinceEpoch: try row.decode(column: "recorded_at", as: Int64.self))
                let day = try row.decode(column: "delivered_on", as: String?.self) ?? String(recorded.localMinute.prefix(10))
                deliveries[try row.decode(column: "person", as: Int.self), default: [:]][method] = day
            }
        }
        return try await db.raw(
            """
            SELECT p.person, p.rooms, p.area, b.channel FROM vote_persons p
            LEFT JOIN ballots b ON b.vote_id = p.vote_id AND b.person = p.person
            WHERE p.vote_id = \(bind: vote) ORDER BY p.person
            """
        ).all().map { row in
            let person = try row.decode(column: "person", as: Int.self)
            let rooms = try row.decode(column: "rooms", as: String.self)
            return PersonRow(
                person: person, rooms: rooms, building: Self.building(ofRooms: rooms),
                area: Area(centiSquareMetres: try row.decode(column: "area", as: Int64.self)),
                deliveredOn: deliveries[person] ?? [:],
                voted: try row.decode(column: "channel", as: String?.self).flatMap(Channel.init(rawValue:)))
        }
    }

    /// `7栋-2-1203、7栋-2-1204` → `7栋`.
    static func building(ofRooms rooms: String) -> String {
        String(rooms.split(separator: "、").first?.split(separator: "-").first ?? "")
    }

    /// Progress by building and by channel.
    public func buildingProgress(of vote: String) async throws -> [BuildingProgress] {
        var byBuilding: [String: BuildingProgress] = [:]
        for person in try await persons(of: vote) {
            var entry =
                byBuilding[person.building] ?? BuildingProgress(building: person.building, total: .zero, voted: .zero, online: .zero, paper: .zero)
            let weight = Weight(area: person.area, heads: 1)
            entry.total = entry.total + weight
            switch person.voted {
            case .online?:
                entry.voted = entry.voted + weight
                entry.online = entry.online + weight
            case .paper?:
                entry.voted = entry.voted + weight
                entry.paper = entry.paper + weight
            case nil: break
            }
            byBuilding[person.building] = entry
        }
        return byBuilding.values.sorted { $0.building.localizedStandardCompare($1.building) == .orderedAscending }
    }

    /// The rooms of voting persons none of whose owners has bound an account, from the
    /// opening on (RULES.md §4). Each access is in the audit log with who and when.
    public func unboundRooms(of vote: StoredVote, actor: String) async throws -> [String] {
        try await loggedList(
            .unbound, of: vote, actor: actor,
            """
            SELECT p.rooms FROM vote_persons p WHERE p.vote_id = \(bind: vote.id) AND NOT EXISTS (
              SELECT 1 FROM vote_members m JOIN bindings b ON b.id_hash = m.id_hash AND b.estate_id = \(bind: vote.estateID)
              WHERE m.vote_id = p.vote_id AND m.person = p.person)
            ORDER BY p.person
            """)
    }

    /// The rooms of voting persons who have not voted, in the last three days before the
    /// deadline only (RULES.md §4). Each access is in the audit log.
    public func nonVoterRooms(of vote: StoredVote, actor: String) async throws -> [String] {
        try await loggedList(
            .notVoted, of: vote, actor: actor,
            """
            SELECT p.rooms FROM vote_persons p WHERE p.vote_id = \(bind: vote.id) AND NOT EXISTS (
              SELECT 1 FROM ballots b WHERE b.vote_id = p.vote_id AND b.person = p.person)
            ORDER BY p.person
            """)
    }

    /// A list of rooms, when the calendar allows it, read with its access logged in one
    /// transaction: no list without its entry.
    private func loggedList(_ list: NonVoterList, of vote: StoredVote, actor: String, _ rooms: SQLQueryString) async throws -> [String] {
        try vote.calendar.checkList(list, at: clock())
        return try await writing { db in
            let rooms = try await db.raw(rooms).all(decodingColumn: "rooms", as: String.self)
            _ = try await log.appendAndSign([LogEntry(vote: vote.id, time: clock(), event: .listAccessed(list: list, actor: actor))], on: db)
            return rooms
        }
    }
}
