import QuorumCore
import SQLKit

/// The notice's delivery record (指导规则 Art. 22): what reached each voting person, how and on
/// which day. Staff records are audit-log entries (silent majority counts on them).
extension OrganisingStore {
    /// The photos of the vote's public postings.
    public static func postingSubject(_ vote: StoredVote) -> Subject { Subject(estate: vote.estateID, kind: "posting", id: vote.id) }

    /// Records that the notice reached a voting person by `method` on the local `day` (empty:
    /// today). A second record of the same method changes nothing and logs nothing.
    public func recordDelivery(vote: StoredVote, person: Int, method: DeliveryMethod, day: String = "", actor: String) async throws {
        guard DeliveryMethod.recorded.contains(method) else { throw DeliveryError.notRecordable }
        let day = try checkedDay(day, of: vote)
        try await writing { db in
            try await checkUncounted(vote, on: db)
            let persons = try await db.raw(
                """
                INSERT INTO deliveries (vote_id, person, method, recorded_at, recorded_by, delivered_on)
                SELECT \(bind: vote.id), person, \(bind: method.rawValue), \(bind: clock().millisecondsSinceEpoch), \(bind: actor), \(bind: day)
                FROM vote_persons WHERE vote_id = \(bind: vote.id) AND person = \(bind: person)
                ON CONFLICT (vote_id, person, method) DO NOTHING RETURNING person
                """
            ).all(decodingColumn: "person", as: Int.self)
            try await logDelivery(vote, method, day, persons, [], actor, on: db)
        }
    }

    /// A public posting, with its photo, covers every voting person whom nothing else has
    /// reached. Returns how many it covered.
    @discardableResult
    public func recordPublicPosting(vote: StoredVote, day: String = "", photo: DocumentFile?, named name: String = "posting", actor: String)
        async throws
        -> Int
    {
        let day = try checkedDay(day, of: vote)
        guard let photo else { throw DeliveryError.photoMissing }
        return try await writing { db in
            try await checkUncounted(vote, on: db)
            let persons = try await db.raw(
                """
                INSERT INTO deliveries (vote_id, person, method, recorded_at, recorded_by, delivered_on)
                SELECT \(bind: vote.id), p.person, 'posting', \(bind: clock().millisecondsSinceEpoch), \(bind: actor), \(bind: day)
                FROM vote_persons p WHERE p.vote_id = \(bind: vote.id)
                AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.vote_id = p.vote_id AND d.person = p.person)
                RETURNING person
                """
            ).all(decodingColumn: "person", as: Int.self).sorted()
            let attached = try await documents.attach(photo, named: name, to: Self.postingSubject(vote), by: actor, on: db)
            try await logDelivery(
                vote, .posting, day, persons, [LogDocument(name: attached.name, sha256: attached.sha256)], actor, on: db, always: true)
            return persons.count
        }
    }

    /// Records that the owner of a session has seen the notice online, for each of their persons,
    /// while the vote runs: not after its deadline (too late to reach them), nor after the count
    /// (which read the record as it was). Only the first view
    /// writes: a notice page read again costs one read, not a write.
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
                SELECT \(bind: vote), m.person, 'online', \(bind: clock().millisecondsSinceEpoch), 'owner'
                FROM vote_members m JOIN votes v ON v.id = m.vote_id
                WHERE m.vote_id = \(bind: vote) AND m.id_hash = \(bind: idHash) AND v.tally_json IS NULL
                AND v.closes_at > \(bind: clock().millisecondsSinceEpoch)
                ON CONFLICT (vote_id, person, method) DO NOTHING
                """
            ).run()
        }
    }

    /// Under the vote's row lock, so a record and the count follow each other: none after it.
    private func checkUncounted(_ vote: StoredVote, on db: any SQLDatabase) async throws {
        let row = try await db.raw("UPDATE votes SET status = status WHERE id = \(bind: vote.id) RETURNING tally_json").first()
        guard try row?.decode(column: "tally_json", as: String?.self) == nil else { throw DeliveryError.counted }
    }

    private func checkedDay(_ day: String, of vote: StoredVote) throws -> String {
        guard vote.tallyJSON == nil else { throw DeliveryError.counted }
        return try DeliveryRule.day(day, notice: vote.noticedAt ?? vote.opensAt, closes: vote.closesAt, now: clock())
    }

    private func logDelivery(
        _ vote: StoredVote, _ method: DeliveryMethod, _ day: String, _ persons: [Int], _ documents: [LogDocument], _ actor: String,
        on db: any SQLDatabase, always: Bool = false
    ) async throws {
        guard always || !persons.isEmpty else { return }
        let entry = LogEntry(
            vote: vote.id, time: clock(), event: .delivered(method: method, day: day, persons: persons, documents: documents, actor: actor))
        _ = try await log.appendAndSign([entry], on: db)
    }
}
