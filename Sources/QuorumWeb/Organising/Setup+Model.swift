import QuorumCore
import QuorumStore

/// The set-up form of a vote (`…/votes/new`, a draft's `…/edit`): one form, usable on a phone
/// and without JavaScript, filled in again when it is refused.
struct SetupPage {
    var estate: Division
    var buildings: [String]
    var values: VoteForm.Values
    /// Where the form is sent: the estate's new vote, or the draft.
    var action: SiteURL
    var error: String?
    var csrf: String
    /// The estate's settings now: the vote takes them (again) when its notice is published.
    var settings = EstateSettings()

    static func load(_ estate: Division, values: VoteForm.Values, action: SiteURL, error: String? = nil, csrf: String, store: Store) async throws
        -> SetupPage
    {
        let buildings = try await store.register.stored(of: estate.id)?.register.buildings ?? []
        return SetupPage(
            estate: estate, buildings: buildings, values: values, action: action, error: error, csrf: csrf,
            settings: try await store.settings.current(of: estate.id).settings)
    }
}

/// A vote's overview for the organisers (`/manage/votes/:vote`): the vote, its documents, the
/// draft's actions or, once the notice is out, the progress and the work.
struct OverviewPage {
    var vote: StoredVote
    var estate: String
    var documents: [AttachedDocument]
    /// Nil while a draft.
    var progress: VoteProgress?
    var staff: StaffSession
    var now: Timestamp
    var message: String?
    /// Demo mode: the buttons that move the clock on.
    var demo: Bool
    /// The head signed when the notice was published, to print with it (issue 13, item 5).
    var head: SignedTreeHead? = nil
    /// The clerks and scrutineers (issue 13), and, for the committee, whom it may name.
    var named: [NamedStaff] = []
    var eligible: [VoteDuty: [StaffAccount]] = [:]
    /// What the clerks' form held when sent back (refused, or the language switched).
    var heldClerks: FormData?

    static func load(_ vote: StoredVote, staff: StaffSession, message: String?, demo: Bool, store: Store) async throws -> OverviewPage {
        var page = OverviewPage(
            vote: vote, estate: try await store.register.estate(vote.estateID)?.name ?? "",
            documents: try await store.documents.list(of: vote.subject),
            progress: vote.isDraft ? nil : try await store.voting.progress(of: vote), staff: staff, now: store.now(), message: message, demo: demo,
            head: vote.isDraft ? nil : try await store.log.head(covering: "notice_published", of: vote.id),
            named: try await store.organising.namedStaff(of: vote.id))
        if staff.account.role.permissions.contains(.organise) && vote.tallyJSON == nil {
            for duty in VoteDuty.allCases { page.eligible[duty] = try await store.organising.eligibleStaff(for: duty, vote: vote) }
        }
        return page
    }

    /// Whether the staff member is one of the vote's clerks now (the entry is theirs).
    var isClerk: Bool { named.contains { $0.account.id == staff.account.id && $0.duty == .clerk && $0.endedAt == nil } }
}
