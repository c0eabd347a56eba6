/// One record of the audit log (审计日志): a state change of a vote, appended once and never
/// changed. Its canonical JSON (with its index in the log) is the Merkle leaf, so anyone
/// holding the entries can recompute every hash (docs/AUDIT-LOG.md).
public struct LogEntry: Hashable, Sendable {
    /// The vote (一次表决) the entry is about.
    public var vote: String
    /// When it happened: for a ballot, when it entered the system (Civil Code Art. 137).
    public var time: Timestamp
    public var event: AuditEvent

    public init(vote: String, time: Timestamp, event: AuditEvent) {
        self.vote = vote
        self.time = time
        self.event = event
    }
}

/// What happened. Organisers' and clerks' actions name the `actor`: an account id, never
/// an ID number or a phone. Kinds are only ever added: an entry's fields never change meaning.
public enum AuditEvent: Hashable, Sendable {
    /// The vote was set up, with the hashes of its documents (matters.json, the rules …).
    case voteCreated(title: String, actor: String, documents: [LogDocument])
    /// The notice (公告) was published, with the hashes of what it published.
    case noticePublished(actor: String, documents: [LogDocument])
    case voteOpened(actor: String)
    /// An accepted ballot (表决票), online or paper: who (a pseudonym), how, and a commitment
    /// to the choices. The log alone does not show how anyone voted.
    case ballot(LoggedBallot)
    /// A clerk typed in paper ballot `paper` (its printed code) for `voter`.
    case paperEntered(paper: String, voter: String, actor: String)
    /// A second clerk confirmed what was typed in for paper ballot `paper`.
    case paperConfirmed(paper: String, actor: String)
    /// The organiser declared the paper entry complete (RULES.md §3): no paper ballot is
    /// entered after it, and the vote is counted.
    case paperComplete(actor: String)
    /// One voting person sent two ballots: the ballot entry `counted` counts, `ignored` not
    /// (RULES.md §3: the first valid one received).
    case conflict(voter: String, counted: Int, ignored: Int)
    /// Someone read a list of rooms that is personal data: those not bound or not voted, or
    /// which have seen the notice online (the delivery record).
    case listAccessed(list: NonVoterList, actor: String)
    /// A staff member downloaded a file of the vote that names units or owners (`VoteFile`).
    case exported(file: VoteFile, actor: String)
    /// A staff member sent `count` reminder texts to owners who had not voted (the phones
    /// never in the log).
    case remindersSent(count: Int, actor: String)
    case voteClosed(actor: String)
    /// The count: the SHA-256 of the `tally.json` it produced.
    case tallied(tallySHA256: String, actor: String)
    /// The result was published, with the hashes of what was published.
    case published(actor: String, documents: [LogDocument])
    /// A ticket (`Ticket`: an objection, …) was filed on `item` of the entry's subject by
    /// `asker` (for an owner, their pseudonymous voter id); the first desk answers by `due`.
    /// The text is kept by the store; the log holds its SHA-256.
    case ticketFiled(ticket: String, kind: TicketKind, item: String, asker: String, due: Timestamp, textSHA256: String)
    /// The ticket passed unanswered to `desk`, which answers by `due`.
    case ticketPassed(ticket: String, desk: TicketDesk, due: Timestamp)
    /// The ticket was answered, by `actor` for `desk`.
    case ticketAnswered(ticket: String, desk: TicketDesk, actor: String, textSHA256: String)
    /// Before the notice, the committee named the vote's clerks and scrutineers (`VoteDuty`):
    /// the account ids of each, as the lists now stand.
    case staffNamed(clerks: [String], scrutineers: [String], actor: String)
    /// After the notice, the committee replaced the named `replaced` by `by`, for the written
    /// reason the store keeps (the log holds its SHA-256).
    case staffReplaced(duty: VoteDuty, replaced: String, by: String, reasonSHA256: String, actor: String)
    /// A staff account was opened or changed (`AccountChange`, never a password), with the
    /// role and division (0: none) it has after the change. The entry's vote is empty.
    case staffAccount(account: String, change: AccountChange, role: StaffRole, division: Int, actor: String)
    /// An estate's settings (`EstateSettings`) became `settings`, as revision `revision`,
    /// decided by the vote `decidedBy` or by the documents named (entry's vote: empty).
    case settingsChanged(estate: Int64, revision: Int, settings: EstateSettings, decidedBy: String, documents: [LogDocument], actor: String)
    /// An owner's phone on file was changed by the street office (`PhoneChangeRule`): the
    /// request `change` recorded by `requestedBy`, confirmed by `actor` (entry's vote: empty).
    case phoneChanged(change: String, requestedBy: String, actor: String)
    /// The notice reached the voting persons `persons` by `method` on the local `day`, as a
    /// staff member recorded it; a public posting names every person it covered and its photo.
    case delivered(method: DeliveryMethod, day: String, persons: [Int], documents: [LogDocument], actor: String)
    /// A change of an estate's books (`BooksEvent`; entry's vote: empty).
    case books(BooksEvent)
    /// The estate's `facilities.csv` (`file`: its name and SHA-256) added and updated facilities (entry's vote: empty).
    case facilitiesImported(file: LogDocument, added: Int, updated: Int, actor: String)
    /// Record `record`: facility `facility`'s `item` (a schedule, or its inspection) done on
    /// the local `day` by `by`, its checklist passed or not, with its documents (entry's vote: empty).
    case facilityRecorded(
        record: String, facility: String, item: String, day: String, by: String, passed: Bool, documents: [LogDocument], actor: String)
    /// The estate added schedule `schedule` of its own for facilities of `kind`, named `name`, every `period` (`d15`, `m3`; entry's vote: empty).
    case facilityScheduleAdded(schedule: String, kind: FacilityKind, name: String, period: String, actor: String)

    /// The `kind` member of the entry's JSON.
    public var kind: String {
        switch self {
        case .voteCreated: "vote_created"
        case .noticePublished: "notice_published"
        case .voteOpened: "vote_opened"
        case .ballot: "ballot"
        case .paperEntered: "paper_entered"
        case .paperConfirmed: "paper_confirmed"
        case .paperComplete: "paper_complete"
        case .conflict: "conflict"
        case .listAccessed: "list_accessed"
        case .exported: "exported"
        case .remindersSent: "reminders_sent"
        case .voteClosed: "vote_closed"
        case .tallied: "tally"
        case .published: "published"
        case .ticketFiled: "ticket_filed"
        case .ticketPassed: "ticket_passed"
        case .ticketAnswered: "ticket_answered"
        case .staffNamed: "staff_named"
        case .staffReplaced: "staff_replaced"
        case .staffAccount: "staff_account"
        case .settingsChanged: "settings_changed"
        case .phoneChanged: "phone_changed"
        case .delivered: "delivered"
        case .books(let event): event.kind
        case .facilitiesImported: "facilities_imported"
        case .facilityRecorded: "facility_recorded"
        case .facilityScheduleAdded: "facility_schedule_added"
        }
    }
}

/// The ballot as the log holds it.
public struct LoggedBallot: Hashable, Sendable {
    /// The pseudonymous voter id: a keyed hash of (vote, voting person), 32 hex digits.
    public var voter: String
    public var channel: Channel
    /// SHA-256 of the salt and the canonical choices, 64 hex digits (`BallotCommitment`).
    public var commitment: String

    public init(voter: String, channel: Channel, commitment: String) {
        self.voter = voter
        self.channel = channel
        self.commitment = commitment
    }
}

/// A published document, by its name and the SHA-256 of its bytes (64 hex digits).
public struct LogDocument: Hashable, Sendable {
    public var name: String
    public var sha256: String

    public init(name: String, sha256: String) {
        self.name = name
        self.sha256 = sha256
    }
}

/// The lists of rooms that are personal data, each access logged: the owners still to be
/// asked (RULES.md §4), and the delivery record's "seen online" (issue 13).
public enum NonVoterList: String, Hashable, Sendable, CaseIterable {
    /// Owners who have not bound an account, from the start of the vote.
    case unbound
    /// Owners who have not voted, in the last three days.
    case notVoted = "not_voted"
    /// Which rooms' owners have opened the notice online, from the notice on: the delivery
    /// page's column, for the committee and the street office.
    case delivery
}

extension LogEntry {
    /// The entry as the log stores it at `index`: canonical JSON (docs/AUDIT-LOG.md).
    public func json(index: Int) -> JSONText {
        var members: [(String, JSONText)] = [
            ("index", .int(index)), ("kind", .string(event.kind)), ("time", .int(Int(time.millisecondsSinceEpoch))),
            ("vote", .string(vote)),
        ]
        switch event {
        case .voteCreated(let title, let actor, let documents):
            members += [("title", .string(title)), ("actor", .string(actor)), ("documents", documents.json)]
        case .noticePublished(let actor, let documents), .published(let actor, let documents):
            members += [("actor", .string(actor)), ("documents", documents.json)]
        case .voteOpened(let actor), .voteClosed(let actor), .paperComplete(let actor):
            members += [("actor", .string(actor))]
        case .ballot(let ballot):
            members += [
                ("voter", .string(ballot.voter)), ("channel", .string(ballot.channel.rawValue)),
                ("commitment", .string(ballot.commitment)),
            ]
        case .paperEntered(let paper, let voter, let actor):
            members += [("paper", .string(paper)), ("voter", .string(voter)), ("actor", .string(actor))]
        case .paperConfirmed(let paper, let actor):
            members += [("paper", .string(paper)), ("actor", .string(actor))]
        case .conflict(let voter, let counted, let ignored):
            members += [("voter", .string(voter)), ("counted", .int(counted)), ("ignored", .int(ignored))]
        case .listAccessed(let list, let actor):
            members += [("list", .string(list.rawValue)), ("actor", .string(actor))]
        case .exported(let file, let actor):
            members += [("file", .string(file.rawValue)), ("actor", .string(actor))]
        case .remindersSent(let count, let actor):
            members += [("count", .int(count)), ("actor", .string(actor))]
        case .tallied(let sha256, let actor):
            members += [("tally_sha256", .string(sha256)), ("actor", .string(actor))]
        case .ticketFiled(let ticket, let kind, let item, let asker, let due, let sha256):
            members += [
                ("ticket", .string(ticket)), ("ticket_kind", .string(kind.rawValue)), ("item", .string(item)), ("asker", .string(asker)),
                ("due", .int(Int(due.millisecondsSinceEpoch))), ("text_sha256", .string(sha256)),
            ]
        case .ticketPassed(let ticket, let desk, let due):
            members += [("ticket", .string(ticket)), ("desk", .string(desk.rawValue)), ("due", .int(Int(due.millisecondsSinceEpoch)))]
        case .ticketAnswered(let ticket, let desk, let actor, let sha256):
            members += [("ticket", .string(ticket)), ("desk", .string(desk.rawValue)), ("actor", .string(actor)), ("text_sha256", .string(sha256))]
        case .staffNamed(let clerks, let scrutineers, let actor):
            members += [
                ("clerks", .array(clerks.map(JSONText.string))), ("scrutineers", .array(scrutineers.map(JSONText.string))), ("actor", .string(actor)),
            ]
        case .staffReplaced(let duty, let replaced, let by, let sha256, let actor):
            members += [
                ("duty", .string(duty.rawValue)), ("replaced", .string(replaced)), ("by", .string(by)), ("reason_sha256", .string(sha256)),
                ("actor", .string(actor)),
            ]
        case .staffAccount(let account, let change, let role, let division, let actor):
            members += [
                ("account", .string(account)), ("change", .string(change.rawValue)), ("role", .string(role.rawValue)), ("division", .int(division)),
                ("actor", .string(actor)),
            ]
        case .settingsChanged(let estate, let revision, let settings, let decidedBy, let documents, let actor):
            members += [
                ("estate", .int(Int(estate))), ("revision", .int(revision)), ("settings", settings.json), ("decided_by", .string(decidedBy)),
                ("documents", documents.json), ("actor", .string(actor)),
            ]
        case .phoneChanged(let change, let requestedBy, let actor):
            members += [("change", .string(change)), ("requested_by", .string(requestedBy)), ("actor", .string(actor))]
        case .delivered(let method, let day, let persons, let documents, let actor):
            members += [
                ("method", .string(method.rawValue)), ("day", .string(day)), ("persons", .array(persons.map(JSONText.int))),
                ("documents", documents.json), ("actor", .string(actor)),
            ]
        case .books(let event): members += event.members
        case .facilitiesImported, .facilityRecorded, .facilityScheduleAdded: members += facilityMembers
        }
        return .object(members)
    }

    /// The bytes hashed into the leaf: the canonical JSON at `index`.
    public func canonicalBytes(index: Int) -> [UInt8] {
        json(index: index).canonicalBytes
    }

    /// The Merkle leaf hash of the entry at `index` (RFC 9162: SHA-256 of 0x00 and the bytes).
    public func leafHash(index: Int) -> MerkleHash {
        Merkle.leafHash(canonicalBytes(index: index))
    }
}
