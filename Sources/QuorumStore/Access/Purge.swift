import QuorumCore
import SQLKit

/// What one purge erased (or, in a dry run, would erase), by kind.
public struct PurgeCounts: Sendable {
    /// (what, how many), in the order `Store.purge` goes.
    public var items: [(what: String, count: Int)] = []
    public subscript(_ what: String) -> Int { items.first { $0.what == what }?.count ?? 0 }
}

extension Store {
    /// Erases personal data past its time (`Retention`), in one transaction: expired sessions,
    /// sign-in codes, failures and used credentials; old outbox rows; a confirmed phone
    /// change's sealed phone; and a former owner's name, phone and ID mask once no vote still
    /// kept froze them in its electorate. The keyed ID hash stays (it names no one without the
    /// key, and the register's history and the votes' electorates hold to it). `dryRun`: count only.
    public func purge(dryRun: Bool = false) async throws -> PurgeCounts {
        let now = clock()
        func before(_ days: Int) -> Int64 { Retention.cutoff(days: days, before: now).millisecondsSinceEpoch }
        let (transient, outbox, owners, votes) = (
            before(Retention.transientDays), before(Retention.outboxDays), before(Retention.formerOwnerDays), before(Retention.voteRecordDays)
        )
        // (what, its table, the rows that go, and for rows that stay, what is erased in them); a
        // register row's `valid_to` is the number of the revision that ended it.
        let steps: [(String, String, SQLQueryString, SQLQueryString?)] = [
            ("sessions", "sessions", "expires_at < \(bind: transient)", nil),
            ("staff_sessions", "staff_sessions", "expires_at < \(bind: transient)", nil),
            ("binding_attempts", "binding_attempts", "expires_at < \(bind: transient)", nil),
            ("sign_in_failures", "sign_in_failures", "at < \(bind: transient)", nil),
            ("used_credentials", "used_credentials", "expires_at < \(bind: transient)", nil),
            ("outbox", "outbox", "created_at < \(bind: outbox)", nil),
            ("phone_changes", "phone_changes", "confirmed_at < \(bind: transient) AND phone_sealed <> ''", "phone_sealed = ''"),
            (
                "former_owners", "owners",
                """
                valid_to IS NOT NULL AND name <> '' AND EXISTS (
                  SELECT 1 FROM register_revisions r WHERE r.estate_id = owners.estate_id AND r.number = owners.valid_to
                  AND r.created_at < \(bind: owners))
                AND NOT EXISTS (
                  SELECT 1 FROM owners c WHERE c.estate_id = owners.estate_id AND c.id_hash = owners.id_hash AND c.valid_to IS NULL)
                AND NOT EXISTS (
                  SELECT 1 FROM vote_members m JOIN votes v ON v.id = m.vote_id
                  WHERE v.estate_id = owners.estate_id AND m.id_hash = owners.id_hash AND (v.final_at IS NULL OR v.final_at >= \(bind: votes)))
                """,
                "name = '', id_masked = '', phone_hash = '', phone_masked = '', phone_sealed = ''"
            ),
        ]
        return try await writing { db in
            var counts = PurgeCounts()
            for (name, table, condition, erase) in steps {
                let count =
                    try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(condition)").first(decodingColumn: "n", as: Int.self) ?? 0
                if !dryRun && count > 0 {
                    if let erase {
                        try await db.raw("UPDATE \(unsafeRaw: table) SET \(erase) WHERE \(condition)").run()
                    } else {
                        try await db.raw("DELETE FROM \(unsafeRaw: table) WHERE \(condition)").run()
                    }
                }
                counts.items.append((name, count))
            }
            return counts
        }
    }
}
