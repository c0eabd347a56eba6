import Crypto
import QuorumCore
import SQLKit

/// A staff member named for a vote (issue 13): what the notice shows, a replacement with whom
/// it replaced, when and why.
public struct NamedStaff: Sendable, Hashable {
    public var account: StaffAccount
    public var duty: VoteDuty
    public var namedAt: Timestamp
    /// A replacement: the account replaced, and the committee's written reason.
    public var replaces: StaffAccount?
    public var reason: String?
    /// Nil while serving; when replaced, since when not.
    public var endedAt: Timestamp?
}

/// The clerks (计票人) and scrutineers (监票人) of a vote: named by the committee before the
/// notice, which needs two clerks at least; only the named clerks enter the paper ballots;
/// after the notice, one is only replaced, with a reason. Each change is in the log.
extension OrganisingStore {
    /// Names a draft's clerks and scrutineers (account ids), replacing the lists as they were.
    public func nameStaff(vote id: String, clerks: [String], scrutineers: [String], actor: String) async throws {
        guard let vote = try await voting.vote(id) else { throw CastError.noSuchVote }
        guard vote.isDraft else { throw SetupError.notDraft }
        try await writing { db in
            guard try await db.raw("UPDATE votes SET status = status WHERE id = \(bind: id) AND status = 'draft' RETURNING id").first() != nil
            else { throw SetupError.notDraft }
            try await db.raw("DELETE FROM vote_staff WHERE vote_id = \(bind: id)").run()
            try await name(vote, clerks: clerks, scrutineers: scrutineers, actor: actor, on: db)
        }
    }

    /// Names them in the transaction open on `db` (a draft's, or an imported vote's as it is frozen).
    func name(_ vote: StoredVote, clerks: [String], scrutineers: [String], actor: String, on db: any SQLDatabase) async throws {
        let (clerks, scrutineers) = (Self.unique(clerks), Self.unique(scrutineers))
        // One person does one duty: a clerk does not scrutinise their own entry.
        guard Set(clerks).isDisjoint(with: scrutineers) else { throw SetupError.notEligible(.scrutineer) }
        for (duty, ids) in [(VoteDuty.clerk, clerks), (.scrutineer, scrutineers)] {
            for account in ids {
                guard try await eligible(account, for: duty, vote: vote) else { throw SetupError.notEligible(duty) }
                try await db.raw(
                    """
                    INSERT INTO vote_staff (vote_id, staff_id, duty, named_at, named_by)
                    VALUES (\(bind: vote.id), \(bind: account), \(bind: duty.rawValue), \(bind: clock().millisecondsSinceEpoch), \(bind: actor))
                    """
                ).run()
            }
        }
        let entry = LogEntry(vote: vote.id, time: clock(), event: .staffNamed(clerks: clerks, scrutineers: scrutineers, actor: actor))
        _ = try await log.appendAndSign([entry], on: db)
    }

    /// After the notice, replaces the named `replaced` (who fell ill, …) by `replacement`, for
    /// the written `reason` the notice page shows.
    public func replaceStaff(vote: StoredVote, replaced: String, by replacement: String, reason: String, actor: String) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !vote.isDraft else { throw SetupError.notServing }
        guard !reason.isEmpty, reason.count <= 500 else { throw SetupError.noReason }
        try await writing { db in
            // Under the vote's row lock, so a count and a replacement follow each other.
            let counted = try await db.raw("UPDATE votes SET status = status WHERE id = \(bind: vote.id) RETURNING tally_json").first()
            guard try counted?.decode(column: "tally_json", as: String?.self) == nil else { throw SetupError.counted }
            let now = clock().millisecondsSinceEpoch
            guard
                let duty = try await db.raw(
                    """
                    UPDATE vote_staff SET ended_at = \(bind: now)
                    WHERE vote_id = \(bind: vote.id) AND staff_id = \(bind: replaced) AND ended_at IS NULL RETURNING duty
                    """
                ).first(decodingColumn: "duty", as: String.self).flatMap(VoteDuty.init(rawValue:))
            else { throw SetupError.notServing }
            guard try await eligible(replacement, for: duty, vote: vote) else { throw SetupError.notEligible(duty) }
            let inserted = try await db.raw(
                """
                INSERT INTO vote_staff (vote_id, staff_id, duty, named_at, named_by, replaces, reason)
                VALUES (\(bind: vote.id), \(bind: replacement), \(bind: duty.rawValue), \(bind: now), \(bind: actor), \(bind: replaced),
                \(bind: reason)) ON CONFLICT (vote_id, staff_id) DO NOTHING RETURNING staff_id
                """
            ).first()
            guard inserted != nil else { throw SetupError.notEligible(duty) }
            let sha256 = hex(SHA256.hash(data: Array(reason.utf8)))
            let entry = LogEntry(
                vote: vote.id, time: clock(),
                event: .staffReplaced(duty: duty, replaced: replaced, by: replacement, reasonSHA256: sha256, actor: actor))
            _ = try await log.appendAndSign([entry], on: db)
        }
    }

    /// Everyone named for the vote, serving or replaced, in the order they were named.
    public func namedStaff(of vote: String) async throws -> [NamedStaff] {
        let rows = try await withConnection { db in
            try await db.raw("SELECT * FROM vote_staff WHERE vote_id = \(bind: vote)").all()
        }
        var ids = Set<String>()
        for row in rows {
            ids.insert(try row.decode(column: "staff_id", as: String.self))
            if let replaces = try row.decode(column: "replaces", as: String?.self) { ids.insert(replaces) }
        }
        let accounts = try await staff.accounts(ids: ids)
        return try rows.compactMap { row -> NamedStaff? in
            guard let account = accounts[try row.decode(column: "staff_id", as: String.self)],
                let duty = VoteDuty(rawValue: try row.decode(column: "duty", as: String.self))
            else { return nil }
            return NamedStaff(
                account: account, duty: duty, namedAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "named_at", as: Int64.self)),
                replaces: try row.decode(column: "replaces", as: String?.self).flatMap { accounts[$0] },
                reason: try row.decode(column: "reason", as: String?.self),
                endedAt: try row.decode(column: "ended_at", as: Int64?.self).map(Timestamp.init(millisecondsSinceEpoch:)))
        }.sorted { ($0.namedAt, $0.duty.rawValue, $0.account.username) < ($1.namedAt, $1.duty.rawValue, $1.account.username) }
    }

    /// Whether `account` serves the vote as one of its clerks now.
    public func isClerk(_ account: String, of vote: String) async throws -> Bool {
        try await withConnection { db in try await isClerk(account, of: vote, on: db) }
    }

    func isClerk(_ account: String, of vote: String, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            """
            SELECT 1 AS one FROM vote_staff
            WHERE vote_id = \(bind: vote) AND staff_id = \(bind: account) AND duty = 'clerk' AND ended_at IS NULL
            """
        ).first() != nil
    }

    /// How many clerks serve the vote now.
    func clerkCount(of vote: String, on db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM vote_staff WHERE vote_id = \(bind: vote) AND duty = 'clerk' AND ended_at IS NULL")
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// The accounts that may be named for `duty` in the vote: enabled, of a role the duty
    /// takes, covering the vote's estate (an estate's own, or its street office).
    public func eligibleStaff(for duty: VoteDuty, vote: StoredVote) async throws -> [StaffAccount] {
        let all = try await withConnection { db in
            try await db.raw("SELECT * FROM staff WHERE disabled_at IS NULL ORDER BY username").all().map(StaffStore.staffAccount(from:))
        }
        var found: [StaffAccount] = []
        for account in all where try await eligible(account, for: duty, estate: vote.estateID) { found.append(account) }
        return found
    }

    private func eligible(_ id: String, for duty: VoteDuty, vote: StoredVote) async throws -> Bool {
        guard let account = try await staff.account(id: id) else { return false }
        return try await eligible(account, for: duty, estate: vote.estateID)
    }

    private func eligible(_ account: StaffAccount, for duty: VoteDuty, estate: Int64) async throws -> Bool {
        guard !account.disabled, duty.roles.contains(account.role) else { return false }
        return try await staff.covers(account, division: estate)
    }

    private static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
