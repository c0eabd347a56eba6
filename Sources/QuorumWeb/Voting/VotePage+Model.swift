import QuorumCore
import QuorumStore

// The owner's five screens: (1) the votes, (2) the notice, (3) the ballot, (4) confirm and sign, (5) the receipt.

/// The owner's votes (`/votes`): each vote of the estate in which they hold a voting person.
struct VoteListPage {
    struct Item {
        var vote: StoredVote
        var progress: VoteProgress
        var voters: [VoterView]
        /// The receipt codes of the ballots this owner cast, by person.
        var receipts: [Int: String]
        /// The count as published (nil before it is), for each matter's outcome.
        var tally: TallyResult?
        /// The estate's name, when the owner holds flats in more than one (the list is grouped by it).
        var estate = ""
    }

    var items: [Item]
    var owner: String
    var now: Timestamp
    /// The owner's estate's facilities with an overdue item (RULES.md §9), shown on the link to them.
    var overdueFacilities = 0

    static func load(_ session: OwnerSession, store: Store) async throws -> VoteListPage {
        var items: [Item] = []
        // Every estate whose register holds the owner, the one they bound in first.
        let estates = try await store.binding.estates(of: session.idHash)
        for estate in [session.estateID] + estates.filter({ $0 != session.estateID }) {
            let name = try await estates.count > 1 ? store.register.estate(estate)?.name ?? "" : ""
            for vote in try await store.voting.votes(of: estate) {
                let voters = try await store.voting.voters(in: vote.id, owner: session.idHash)
                guard !voters.isEmpty else { continue }
                let receipts = try await store.voting.receipts(in: vote.id, persons: voters.map(\.person), castBy: session.idHash)
                let tally = vote.preliminaryAt == nil ? nil : vote.tallyJSON.flatMap(TallyResult.init(tallyJSON:))
                items.append(
                    Item(
                        vote: vote, progress: try await store.voting.progress(of: vote), voters: voters, receipts: receipts, tally: tally,
                        estate: name))
            }
        }
        let overdue = try await store.facilities.overdue(of: session.estateID).count
        return VoteListPage(items: items, owner: session.ownerName, now: store.now(), overdueFacilities: overdue)
    }
}

/// A vote's notice (`/votes/:vote`): the matters, the documents, how it is decided, the
/// progress, and the way to the ballot of each of the owner's persons who may vote.
struct NoticePage {
    var vote: StoredVote
    var progress: VoteProgress
    var voters: [VoterView]
    var documents: [AttachedDocument]
    var now: Timestamp
    /// The head signed when the notice was published (issue 13, item 5).
    var head: SignedTreeHead?
    /// The clerks and scrutineers, and any replacement (issue 13).
    var named: [NamedStaff] = []

    static func load(_ vote: StoredVote, voters: [VoterView], store: Store) async throws -> NoticePage {
        NoticePage(
            vote: vote, progress: try await store.voting.progress(of: vote), voters: voters,
            documents: try await store.documents.list(of: vote.subject), now: store.now(),
            head: try await store.log.head(covering: "notice_published", of: vote.id), named: try await store.organising.namedStaff(of: vote.id))
    }
}

/// The ballot of one voting person (`/votes/:vote/ballot?person=`), with the choices made so
/// far and what is wrong with them when the form came back.
struct BallotPage {
    var vote: StoredVote
    var voter: VoterView
    var chosen = BallotChoices([:])
    var problems: [BallotProblem] = []
    var csrf: String
}

/// The choices once more, and the signature, before the cast.
struct ConfirmPage {
    var vote: StoredVote
    var voter: VoterView
    var choices: BallotChoices
    var csrf: String
    var error: String?
    /// The typed signature as submitted, shown again when it is refused.
    var typed = ""
}

/// The receipt of a ballot cast (`/receipts/:code`).
struct ReceiptPage {
    var receipt: Receipt
    var vote: StoredVote
}
