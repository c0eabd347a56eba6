import QuorumCore
import SQLKit

/// What the dashboard shows before reminders are sent: how many phones would get a text,
/// and the rounds sent before, newest first.
public struct ReminderPreview: Sendable, Hashable {
    public var recipients: Int
    public var rounds: [ReminderRound]
}

extension OrganisingStore {
    /// How many texts a round would send now, and the rounds already sent.
    public func reminderPreview(of vote: StoredVote) async throws -> ReminderPreview {
        try await withConnection { db in
            ReminderPreview(recipients: try await reminderPhones(of: vote, on: db).count, rounds: try await reminderRounds(of: vote.id, on: db))
        }
    }

    /// Sends a reminder to each owner (with a phone on file) of each voting person who has
    /// not voted, while the vote is open, and logs the round (how many, by whom; never the
    /// phones). Within `ReminderRule.quietHours` of the last round only when `again` says
    /// it is meant. The round is logged before the texts go out, in the transaction that
    /// checks the last one: two organisers clicking at once queue on the log, and the
    /// second sees the first's round. Returns how many texts went out.
    @discardableResult
    public func remindNonVoters(of vote: StoredVote, actor: String, again: Bool = false, sender: any MessageSender) async throws -> Int {
        let phones = try await writing { db -> [String] in
            try ReminderRule.check(last: nil, at: clock(), open: vote.isOpen(at: clock()), again: again)
            let phones = try await reminderPhones(of: vote, on: db)
            let logged = try await log.appendAndSign(
                [LogEntry(vote: vote.id, time: clock(), event: .remindersSent(count: phones.count, actor: actor))], on: db)
            let last = try await reminderRounds(of: vote.id, before: logged.indexes.lowerBound, on: db).first
            try ReminderRule.check(last: last, at: clock(), open: true, again: again)
            return phones
        }
        for phone in phones {
            try await sender.send(.reminder(title: vote.title, closesAt: vote.closesAt), to: phone)
        }
        return phones.count
    }

    /// The phones of the owners of voting persons who have not voted, opened, each once.
    private func reminderPhones(of vote: StoredVote, on db: any SQLDatabase) async throws -> [String] {
        let key = try await personalDataKey(on: db, creating: false)
        let sealed = try await db.raw(
            """
            SELECT DISTINCT o.phone_sealed FROM vote_members m
            JOIN owners o ON o.id_hash = m.id_hash AND o.estate_id = \(bind: vote.estateID) AND o.valid_to IS NULL
            WHERE m.vote_id = \(bind: vote.id) AND o.phone_sealed <> '' AND NOT EXISTS (
              SELECT 1 FROM ballots b WHERE b.vote_id = m.vote_id AND b.person = m.person)
            """
        ).all(decodingColumn: "phone_sealed", as: String.self)
        return Array(Set(sealed.compactMap(key.open))).sorted()
    }

    /// The rounds of a vote's reminders (entries before `index` only, when given), newest first.
    private func reminderRounds(of vote: String, before index: Int = .max, on db: any SQLDatabase) async throws -> [ReminderRound] {
        try await db.raw(
            """
            SELECT entry FROM audit_entries WHERE vote = \(bind: vote) AND kind = 'reminders_sent' AND entry_index < \(bind: index)
            ORDER BY entry_index DESC
            """
        ).all(decodingColumn: "entry", as: String.self).compactMap { text in
            guard let json = CanonicalJSONReader.parse(text), let (_, entry) = LogEntry.read(json),
                case .remindersSent(let count, let actor) = entry.event
            else { return nil }
            return ReminderRound(time: entry.time, actor: actor, count: count)
        }
    }
}
