import QuorumCore
import QuorumStore

/// The print run (`/manage/votes/:vote/paper?building=&person=`): one A4 page per voting
/// person who has not voted, of one building, one household or all; those who voted are
/// left out and counted.
struct PrintPage {
    var vote: StoredVote
    var estate: String
    var ballots: [PaperBallot]
    var buildings: [String] = []
    var building: String?
    var voted = 0

    /// The ballots of `building` or `person` (or all), without those who have voted.
    init(vote: StoredVote, estate: String, all: [PaperBallot], building: String? = nil, person: Int? = nil) {
        let chosen = all.filter { (building == nil || $0.building == building) && (person == nil || $0.person == person) }
        (self.vote, self.estate, self.building) = (vote, estate, building)
        ballots = chosen.filter { $0.voted == nil }
        voted = chosen.count - ballots.count
        buildings = Set(all.map(\.building)).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }
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

/// The clerks' entry (`/manage/votes/:vote/entry`): a ballot's code scanned or typed, with
/// the outcome of the last entry or what was wrong, and the clerk's own ballots whose two
/// entries differ, waiting to be settled.
struct ScanPage {
    var vote: StoredVote
    var flash: String?
    var error: String?
    var waiting: [PaperMismatch] = []

    static func load(_ vote: StoredVote, clerk: String, flash: String? = nil, error: String? = nil, store: Store) async throws -> ScanPage {
        let waiting = try await store.paper.mismatches(of: vote.id).filter { $0.entries.contains { $0.clerk == clerk } }
        return ScanPage(vote: vote, flash: flash, error: error, waiting: waiting)
    }
}

/// The marks of one paper ballot (`…/entry?code=`), as the clerk reads them off the paper.
/// It does not show what any other clerk entered: the second entry is blind.
struct EntryPage {
    var vote: StoredVote
    var ballot: PaperBallot
    var csrf: String
    var error: String?
    /// Why this clerk cannot enter the ballot now: shown instead of the form.
    var refusal: String?
    /// The server's time: the latest a ballot can have been collected.
    var now: Timestamp
    /// What the form held when it was sent back (refused, or in the other language).
    var held = FormData("")
}

/// The ballots whose two entries differ (`/manage/votes/:vote/mismatches`), each with both
/// entries and a form for the resolver's reading.
struct MismatchPage {
    var vote: StoredVote
    var queue: [PaperMismatch]
    var csrf: String
    /// What the last settling did, or why it was refused (`ok` false).
    var message: (text: String, ok: Bool)?
    var now: Timestamp
    /// The ballot whose form was sent back (refused, or the language switched) and what it held.
    var held: (code: String, form: FormData)?

    static func load(_ vote: StoredVote, csrf: String, message: (text: String, ok: Bool)? = nil, store: Store) async throws -> MismatchPage {
        MismatchPage(vote: vote, queue: try await store.paper.mismatches(of: vote.id), csrf: csrf, message: message, now: store.now())
    }
}

extension PaperMismatch {
    /// Where the first two entries differ.
    func differences(_ vote: VoteDefinition) -> [PaperField] {
        entries.count < 2 ? [] : entries[0].reading.differences(from: entries[1].reading, in: vote)
    }
}
