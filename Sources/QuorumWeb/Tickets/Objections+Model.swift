import QuorumCore
import QuorumStore

/// An owner's objections on the result page: theirs, with the answers, and the form while
/// the objection period runs (RULES.md §6).
struct OwnerObjections {
    var mine: [Ticket]
    var voters: [VoterView]
    var csrf: String
    var now: Timestamp
    /// The end of the objection period while objections are taken; nil once they are not.
    var until: Timestamp?
    /// What became of the owner's last objection, or why it was refused (`refused`), with
    /// the text they wrote, kept in the form to correct.
    var message: String?
    var refused = false
    var draft = ""
    /// The voting person and the matter the form had chosen.
    var person = "", matter = ""

    static func load(_ vote: StoredVote, owner: OwnerSession, voters: [VoterView], store: Store) async throws -> OwnerObjections {
        var until: Timestamp?
        if let preliminary = vote.preliminaryAt, vote.finalAt == nil {
            let ends = vote.calendar.objectionEnds(publishedAt: preliminary)
            if store.now() < ends { until = ends }
        }
        return OwnerObjections(
            mine: try await store.tickets.tickets(about: vote.subject, owner: owner.idHash), voters: voters, csrf: owner.csrf, now: store.now(),
            until: until)
    }
}

/// The objections of one vote for the desks that answer them (`/manage/votes/:vote/objections`).
struct ObjectionsPage {
    var vote: StoredVote
    var tickets: [Ticket]
    var staff: StaffSession
    var now: Timestamp
    var message: String?

    static func load(_ vote: StoredVote, staff: StaffSession, message: String? = nil, store: Store) async throws -> ObjectionsPage {
        ObjectionsPage(
            vote: vote, tickets: try await store.tickets.tickets(about: vote.subject), staff: staff, now: store.now(), message: message)
    }
}

/// Every open objection of the estates the desk covers (`/manage/objections`): the street
/// office sees them all, and takes those past the committee's deadline.
struct OpenObjectionsPage {
    var tickets: [(Ticket, StoredVote?)]
    var now: Timestamp

    static func load(_ staff: StaffSession, store: Store) async throws -> OpenObjectionsPage {
        let estates = try await store.staff.estates(coveredBy: staff.account).map(\.id)
        var tickets: [(Ticket, StoredVote?)] = []
        for ticket in try await store.tickets.open(in: estates) where ticket.kind == .objection {
            tickets.append((ticket, try await store.voting.vote(ticket.about.id)))
        }
        return OpenObjectionsPage(tickets: tickets, now: store.now())
    }
}
