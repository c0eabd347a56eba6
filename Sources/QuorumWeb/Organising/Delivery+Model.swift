import QuorumCore
import QuorumStore

/// The notice's delivery (`/manage/votes/:vote/delivery?building=`): each voting person's
/// rooms and how the notice reached them, one building at a time or all.
struct DeliveryPage {
    var vote: StoredVote
    var persons: [PersonRow]
    var building: String?
    var staff: StaffSession
    var message: String?
    /// The voting persons nothing has reached yet: whom a public posting would cover.
    var unreached: Int { persons.filter { $0.deliveries.isEmpty }.count }

    static func load(_ vote: StoredVote, building: String?, staff: StaffSession, message: String? = nil, store: Store) async throws -> DeliveryPage {
        DeliveryPage(vote: vote, persons: try await store.organising.persons(of: vote.id), building: building, staff: staff, message: message)
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
}
