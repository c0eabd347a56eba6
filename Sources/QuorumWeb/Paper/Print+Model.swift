import QuorumCore
import QuorumStore

/// The print run (`/manage/votes/:vote/paper`): one A4 page per voting person.
struct PrintPage {
    var vote: StoredVote
    var estate: String
    var ballots: [PaperBallot]
}

/// What was printed, returned, entered and counted (`/manage/votes/:vote/reconciliation`),
/// by building, and the persons who voted both ways.
struct ReconciliationPage {
    var vote: StoredVote
    var lines: [PaperReconciliation]
    var conflicts: [(rooms: String, counted: Channel, ignored: Channel, ignoredAt: Timestamp)]

    static func load(_ vote: StoredVote, store: Store) async throws -> ReconciliationPage {
        ReconciliationPage(
            vote: vote, lines: try await store.paper.reconciliation(of: vote.id), conflicts: try await store.paper.conflicts(of: vote.id))
    }
}
