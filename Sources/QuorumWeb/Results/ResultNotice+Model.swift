import QuorumCore
import QuorumStore

/// The result notice (表决结果公告, RULES.md §6): one printable A4 page to post in the estate,
/// for the owners (`/votes/:vote/result/notice`) and the organisers
/// (`/manage/votes/:vote/result/notice`), once a result is published. It states the count as
/// published (the stored tally.json, whose hash the log holds), and the head signed with the
/// publication, so that the posted paper is a witness of the log (item 5).
struct ResultNoticePage {
    var vote: StoredVote
    var tally: TallyResult
    var estate: String
    var head: SignedTreeHead?
    /// The result page it came from.
    var back: SiteURL

    /// Nil before a result is published.
    static func load(_ vote: StoredVote, back: SiteURL, store: Store) async throws -> ResultNoticePage? {
        guard vote.preliminaryAt != nil, let stored = vote.tallyJSON, let tally = TallyResult(tallyJSON: stored) else { return nil }
        return ResultNoticePage(
            vote: vote, tally: tally, estate: try await store.register.estate(vote.estateID)?.name ?? "",
            head: try await ResultPage.publishedHead(vote, store: store), back: back)
    }

    /// The final publication's date if there is one, else the preliminary's.
    var publishedAt: Timestamp? { vote.finalAt ?? vote.preliminaryAt }
}
