import QuorumCore
import SQLKit

/// How the consultation reached a voting person (指导规则 Art. 22).
public enum DeliveryMethod: String, CaseIterable, Sendable, Hashable {
    /// The owner opened the notice on the site.
    case online
    /// A clerk handed it over and marked it.
    case hand
    /// A public posting in the estate stands in where delivery failed.
    case posting
}

/// A voting person as the organiser's lists show it: rooms only, never names or numbers.
public struct PersonRow: Sendable, Hashable {
    public var person: Int
    public var rooms: String
    public var building: String
    public var area: Area
    public var deliveries: Set<DeliveryMethod>
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
        try await withConnection { db in
            var deliveries: [Int: Set<DeliveryMethod>] = [:]
            for row in try await db.raw("SELECT person, method FROM deliveries WHERE vote_id = \(bind: vote)").all() {
                if let method = DeliveryMethod(rawValue: try row.decode(column: "method", as: String.self)) {
                    deliveries[try row.decode(column: "person", as: Int.self), default: []].insert(method)
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
                    area: Area(centiSquareMetres: try row.decode(column: "area", as: Int64.self)), deliveries: deliveries[person] ?? [],
                    voted: try row.decode(column: "channel", as: String?.self).flatMap(Channel.init(rawValue:)))
            }
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

    /// Records that the notice reached a voting person (a second record of the same method
    /// changes nothing).
    public func recordDelivery(vote: String, person: Int, method: DeliveryMethod, actor: String) async throws {
        try await withConnection { db in
            try await db.raw(
                """
                INSERT INTO deliveries (vote_id, person, method, recorded_at, recorded_by)
                SELECT \(bind: vote), person, \(bind: method.rawValue), \(bind: clock().millisecondsSinceEpoch), \(bind: actor)
                FROM vote_persons WHERE vote_id = \(bind: vote) AND person = \(bind: person)
                ON CONFLICT (vote_id, person, method) DO NOTHING
                """
            ).run()
        }
    }

    /// Records that the owner of a session has seen the notice online, for each of their persons.
    /// Only the first view writes: a notice page read again costs one read, not a write.
    public func recordSeenOnline(vote: String, owner idHash: String) async throws {
        try await withConnection { db in
            let missing = try await db.raw(
                """
                SELECT m.person FROM vote_members m WHERE m.vote_id = \(bind: vote) AND m.id_hash = \(bind: idHash) AND NOT EXISTS (
                  SELECT 1 FROM deliveries d WHERE d.vote_id = m.vote_id AND d.person = m.person AND d.method = 'online')
                """
            ).first()
            guard missing != nil else { return }
            try await db.raw(
                """
                INSERT INTO deliveries (vote_id, person, method, recorded_at, recorded_by)
                SELECT \(bind: vote), person, 'online', \(bind: clock().millisecondsSinceEpoch), 'owner'
                FROM vote_members WHERE vote_id = \(bind: vote) AND id_hash = \(bind: idHash)
                ON CONFLICT (vote_id, person, method) DO NOTHING
                """
            ).run()
        }
    }

    /// A public posting covers every voting person whom nothing else has reached. Returns
    /// how many it covered.
    @discardableResult
    public func recordPublicPosting(vote: String, actor: String) async throws -> Int {
        try await withConnection { db in
            try await db.raw(
                """
                INSERT INTO deliveries (vote_id, person, method, recorded_at, recorded_by)
                SELECT \(bind: vote), p.person, 'posting', \(bind: clock().millisecondsSinceEpoch), \(bind: actor)
                FROM vote_persons p WHERE p.vote_id = \(bind: vote)
                AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.vote_id = p.vote_id AND d.person = p.person)
                RETURNING person
                """
            ).all().count
        }
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
