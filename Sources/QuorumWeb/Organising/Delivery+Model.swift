import QuorumCore
import QuorumStore

/// The notice's delivery (`/manage/votes/:vote/delivery?building=`): each voting person's
/// rooms and how the notice reached them, one building at a time or all. Which rooms have
/// seen it online is personal data (issue 13): its column is shown, and each view logged,
/// only to those who may see the lists of rooms (the committee, the street office).
struct DeliveryPage {
    var vote: StoredVote
    var persons: [PersonRow]
    /// Persons the notice has reached by any means, online included.
    var reached: Int
    var building: String?
    /// The search over the rooms, and the page of the list shown (`Paged`).
    var query: String?
    var page: Int?
    var staff: StaffSession
    var message: String?
    /// Whether the message says why something was refused.
    var refused = false
    /// The public postings' photos, named by the day of the posting.
    var postings: [AttachedDocument] = []
    /// The local day a record takes unless changed.
    var today: String
    /// The voting persons nothing has reached yet: whom a public posting would cover.
    var unreached: Int { persons.count - reached }

    var showsOnline: Bool { staff.account.role.permissions.contains(.lists) }

    static func load(
        _ vote: StoredVote, building: String?, query: String? = nil, page: Int? = nil, staff: StaffSession, message: String? = nil,
        refused: Bool = false, store: Store
    ) async throws -> DeliveryPage {
        let lists = staff.account.role.permissions.contains(.lists)
        let (persons, reached) = try await store.organising.deliveryRecord(of: vote.id, seenOnlineBy: lists ? staff.account.id : nil)
        return DeliveryPage(
            vote: vote, persons: persons, reached: reached, building: building, query: query, page: page, staff: staff, message: message,
            refused: refused,
            postings: try await store.documents.list(of: OrganisingStore.postingSubject(vote)), today: String(store.now().localMinute.prefix(10)))
    }
}

/// The dashboard of a vote under way (`/manage/votes/:vote/dashboard`): progress by building
/// and by channel, the lists of rooms and the reminders.
struct DashboardPage {
    var vote: StoredVote
    var progress: VoteProgress
    var buildings: [BuildingProgress]
    var staff: StaffSession
    var now: Timestamp
    var message: String?
    /// Whether the message says why something was refused.
    var refused = false
    /// What a round of reminders would send and the rounds before, for an organiser while
    /// the vote is open; and the staff who sent them.
    var reminders: ReminderPreview?
    var senders: [String: StaffAccount] = [:]

    static func load(_ vote: StoredVote, staff: StaffSession, message: String?, store: Store) async throws -> DashboardPage {
        let now = store.now()
        let reminders =
            staff.account.role.permissions.contains(.organise) && vote.isOpen(at: now) ? try await store.organising.reminderPreview(of: vote) : nil
        return DashboardPage(
            vote: vote, progress: try await store.voting.progress(of: vote), buildings: try await store.organising.buildingProgress(of: vote.id),
            staff: staff, now: now, message: message, reminders: reminders,
            senders: try await store.staff.accounts(ids: Set(reminders?.rounds.map(\.actor) ?? [])))
    }
}

/// A list of rooms (`/manage/votes/:vote/lists/:list`): not bound, or not voted.
struct RoomListPage {
    var list: NonVoterList
    var vote: StoredVote
    var rooms: [String]
    /// The search over the rooms, and the page shown (`Paged`).
    var query: String?
    var page: Int?
}
