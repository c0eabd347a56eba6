import QuorumCore
import QuorumStore

/// A log with a few entries around one ballot whose receipt is known, for the web and
/// browser tests. Test support only: no route or command of `quorum` reaches it.
public struct ReceiptFixture: Sendable {
    public static let vote = "2024-01 天汇广场门禁改造"
    public static let choices = BallotChoices(["m1": .option(.agree), "m2": .candidates(["c3", "c1"])])

    /// The receipt of the ballot, as the receipt page will print it.
    public var receipt: LogReceipt
    /// The same receipt with other choices: its check must fail.
    public var tampered: LogReceipt

    /// Appends the entries to the store's log: the vote opening, two ballots, the known
    /// ballot (with a head), and three ballots after it, so the check must follow the log
    /// from the receipt's head to a later one.
    public static func make(in store: Store) async throws -> ReceiptFixture {
        let time = Timestamp(millisecondsSinceEpoch: 1_705_716_000_000)
        var generator = SystemRandomNumberGenerator()
        func ballot(_ person: String, _ choices: BallotChoices, salt: [UInt8], at time: Timestamp) async throws -> LogEntry {
            let voter = try await store.log.voterPseudonym(vote: vote, person: person)
            let commitment = BallotCommitment.make(choices, salt: salt)
            return LogEntry(vote: vote, time: time, event: .ballot(LoggedBallot(voter: voter, channel: .online, commitment: commitment)))
        }
        func filler(_ number: Int) async throws -> LogEntry {
            try await ballot(
                "filler-\(number)", BallotChoices(["m1": .option(.oppose), "m2": .candidates([])]),
                salt: BallotCommitment.salt(using: &generator),
                at: Timestamp(millisecondsSinceEpoch: time.millisecondsSinceEpoch + Int64(number) * 1000))
        }

        try await store.log.append([
            LogEntry(vote: vote, time: time, event: .voteOpened(actor: "organiser-1")), try await filler(1), try await filler(2),
        ])
        let salt = BallotCommitment.salt(using: &generator)
        let received = Timestamp(millisecondsSinceEpoch: time.millisecondsSinceEpoch + 60_000)
        let entry = try await ballot("owner-101", choices, salt: salt, at: received)
        let (indexes, head) = try await store.log.append([entry])
        try await store.log.append([try await filler(3), try await filler(4), try await filler(5)])

        guard case .ballot(let logged) = entry.event, let head else { throw AuditLogError.emptyLog }
        let receipt = LogReceipt(
            index: indexes.lowerBound, vote: vote, voter: logged.voter, channel: .online, time: received, choices: choices,
            salt: salt, head: head)
        var tampered = receipt
        tampered.choices = BallotChoices(["m1": .option(.oppose), "m2": .candidates(["c1", "c3"])])
        return ReceiptFixture(receipt: receipt, tampered: tampered)
    }
}
