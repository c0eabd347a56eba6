/// How long personal data is kept (issue 13, item 21; docs/SECURITY.md "Personal data over
/// time"), in local days (RULES.md §4), and so when `quorum purge` erases it.
public enum Retention {
    /// A vote's records (its frozen electorate, ballots) after its final result: an owner may
    /// ask a court to revoke a decision at most five years after it (Civil Code Art. 280, the
    /// interpretation's Art. 12) and consult the records meanwhile (Art. 13).
    public static let voteRecordDays = 5 * 365 + 1
    /// A former owner's name, phone and ID mask after they left the register, if no vote still
    /// kept froze them: a year to challenge what the register said (interpretation Art. 12).
    public static let formerOwnerDays = 365
    /// Expired sessions and sign-in codes, sign-in failures (addresses), used credentials, the
    /// outbox's masked texts, and a confirmed phone change's sealed phone.
    public static let transientDays = 30
    public static let outboxDays = 90

    /// 00:00 of the local day `days` before the day `now` falls in: what is older goes.
    public static func cutoff(days: Int, before now: Timestamp, in local: LocalDays = LocalDays()) -> Timestamp {
        local.start(ofDay: -days, after: now)
    }
}
