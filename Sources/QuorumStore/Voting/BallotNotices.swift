import QuorumCore
import SQLKit

extension VotingStore {
    /// Texts the owners of each voting person for whom a ballot was received since the last
    /// call (issue 13, item 22): online, by them or a co-owner, or on paper once two clerks
    /// agreed, and a paper one spoiled, so an owner learns of a ballot cast in their name
    /// while there is time to object. Found from the log's ballot entries after a cursor,
    /// which a short transaction moves before the texts are made and sent (outside it, so a
    /// backlog never holds the write lock that ballots are cast under): each ballot is told
    /// at most once, whichever instance runs it. A ballot set aside (the person's other ballot came
    /// first) is told too: it was received in their name. Returns how many texts went out.
    @discardableResult
    public func noticeBallots(sender: any MessageSender, batch: Int = 500) async throws -> Int {
        // Only the cursor's move holds the write lock; the texts are made after it commits.
        let indexes = try await writing { db -> [Int] in
            guard
                let next = try await db.raw("UPDATE ballot_notices SET next_index = next_index WHERE id = 1 RETURNING next_index")
                    .first(decodingColumn: "next_index", as: Int.self)
            else { return [] }
            let indexes = try await db.raw(
                """
                SELECT entry_index FROM audit_entries WHERE entry_index >= \(bind: next) AND kind = 'ballot'
                ORDER BY entry_index LIMIT \(bind: batch)
                """
            ).all(decodingColumn: "entry_index", as: Int.self)
            if let last = indexes.last { try await db.raw("UPDATE ballot_notices SET next_index = \(bind: last + 1) WHERE id = 1").run() }
            return indexes
        }
        guard !indexes.isEmpty else { return 0 }
        let texts = try await withConnection { db in try await ballotTexts(indexes, on: db) }
        try await sender.send(texts)
        return texts.count
    }

    /// For the ballots at these log indexes (counted or set aside), a text to each phone of
    /// their voting person's owners: two queries a table, however many ballots.
    private func ballotTexts(_ indexes: [Int], on db: any SQLDatabase) async throws -> [(Message, String)] {
        let key = try await personalDataKey(on: db, creating: false)
        var texts: [(Message, String)] = []
        for table in ["ballots", "ballot_conflicts"] {
            var phones: [Int: Set<String>] = [:]
            for row in try await db.raw(
                """
                SELECT DISTINCT b.log_index, o.phone_sealed FROM \(ident: table) b JOIN votes v ON v.id = b.vote_id
                JOIN vote_members m ON m.vote_id = b.vote_id AND m.person = b.person
                JOIN owners o ON o.id_hash = m.id_hash AND o.estate_id = v.estate_id AND o.valid_to IS NULL
                WHERE b.log_index IN (\(binds: indexes)) AND o.phone_sealed <> ''
                """
            ).all() {
                if let phone = key.open(try row.decode(column: "phone_sealed", as: String.self)) {
                    phones[try row.decode(column: "log_index", as: Int.self), default: []].insert(phone)
                }
            }
            let rows = try await db.raw(
                """
                SELECT b.log_index, b.channel, b.received_at, b.choices, p.rooms, v.definition FROM \(ident: table) b
                JOIN vote_persons p ON p.vote_id = b.vote_id AND p.person = b.person JOIN votes v ON v.id = b.vote_id
                WHERE b.log_index IN (\(binds: indexes)) ORDER BY b.log_index
                """
            ).all()
            for row in rows {
                let channel = Channel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .online
                let definition = try DefinitionCache.shared.definition(try row.decode(column: "definition", as: String.self))
                let choices = try BallotChoices(canonicalJSON: try row.decode(column: "choices", as: String.self))
                let message = Message.ballotReceived(
                    rooms: try row.decode(column: "rooms", as: String.self),
                    at: Timestamp(millisecondsSinceEpoch: try row.decode(column: "received_at", as: Int64.self)), channel: channel,
                    spoiled: channel == .paper && choices.isSpoiled(definition))
                for phone in (phones[try row.decode(column: "log_index", as: Int.self)] ?? []).sorted() { texts.append((message, phone)) }
            }
        }
        return texts
    }
}
