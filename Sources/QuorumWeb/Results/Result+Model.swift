import QuorumCore
import QuorumStore

/// The result (`/votes/:vote/result` once published; the organisers' from the count on, and
/// their printable report): the tally recounted from the vote's own export, and its
/// breakdown by building and by channel.
struct ResultPage {
    var vote: StoredVote
    var tally: TallyResult
    /// Whether the recount now gives the very bytes stored at the close.
    var matchesStored: Bool
    var buildings: [BuildingProgress]
    /// The organisers' page: the staff member, for the publish buttons and the exports.
    var staff: StaffSession?
    /// The printable report: no buttons, the tally's hash at the foot.
    var printable = false
    /// The owner's page: their objections, and the form while objections are taken.
    var objections: OwnerObjections?
    /// The organisers' page: the vote's objections still without an answer.
    var openObjections = 0
    /// The head signed with the latest publication, once published (issue 13, item 5).
    var head: SignedTreeHead?

    /// Nil before the count. `owner`: the owner's page, with their objections.
    static func load(
        _ vote: StoredVote, staff: StaffSession? = nil, owner: (session: OwnerSession, voters: [VoterView])? = nil, printable: Bool = false,
        store: Store
    ) async throws -> ResultPage? {
        guard let stored = vote.tallyJSON else { return nil }
        let tally = try await store.results.exportFiles(of: vote).tally()
        var page = ResultPage(
            vote: vote, tally: tally, matchesStored: tally.json.rendered() == stored,
            buildings: try await store.organising.buildingProgress(of: vote.id), staff: staff, printable: printable)
        if let owner { page.objections = try await OwnerObjections.load(vote, owner: owner.session, voters: owner.voters, store: store) }
        if staff != nil { page.openObjections = try await store.tickets.openCount(about: vote.subject) }
        page.head = try await publishedHead(vote, store: store)
        return page
    }

    /// The head that pins the published result: the one signed in the transaction of its
    /// latest publication (preliminary, then final). Nil before it is published.
    static func publishedHead(_ vote: StoredVote, store: Store) async throws -> SignedTreeHead? {
        guard vote.preliminaryAt != nil else { return nil }
        return try await store.log.head(covering: "published", of: vote.id, last: true)
    }

    var online: Weight { buildings.reduce(.zero) { $0 + $1.online } }
    var paper: Weight { buildings.reduce(.zero) { $0 + $1.paper } }
}
