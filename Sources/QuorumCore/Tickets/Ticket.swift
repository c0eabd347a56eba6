import Foundation

/// Who must answer a ticket at one level of its chain.
public enum TicketDesk: String, Sendable, Hashable, CaseIterable {
    /// The owners' committee (or the preparatory group) of the estate.
    case committee
    /// The street office (街道办) that supervises the estate.
    case street
}

/// What a ticket is, and so who answers it and in how long.
public enum TicketKind: String, Sendable, Hashable, CaseIterable {
    /// An owner's objection (异议) to a matter of a preliminary result (RULES.md §6): the
    /// organiser answers in writing; the street office sees every open one and takes those
    /// left unanswered.
    case objection
    /// An owner's word that a ballot received in their voting person's name was not theirs or
    /// a co-owner's (issue 13, item 22: "not you? object here"), from the ballot's receipt
    /// until the final result: the same desks answer, in the same days.
    case ballotDispute = "ballot_dispute"

    /// The desks, in order, that answer a ticket of this kind.
    public var chain: [TicketDesk] { [.committee, .street] }

    /// Full local days each desk has to answer, unless the estate's settings (`EstateSettings`) say otherwise.
    public var defaultAnswerDays: Int { 7 }

    /// A dispute's `item`: the ballot of the voting person who asks.
    public static let disputedBallot = "ballot"
}

/// Why a ticket cannot be filed or answered.
public enum TicketError: Error, Hashable, Sendable {
    /// The text is empty, or longer than `TicketLimits.maximumCharacters`.
    case badText
    /// Objections are taken only while a preliminary result stands, until its objection
    /// period ends (`until`; nil: there is no preliminary result, or the final one is out).
    case notInObjectionPeriod(until: Timestamp?)
    /// No such matter in the vote, or no such ticket.
    case noSuchMatter, noSuchTicket
    /// The ticket has its answer already.
    case alreadyAnswered
    /// This desk may not answer now: the ticket has not reached it, or has passed beyond it.
    case notYourDesk(TicketDesk)
    /// The owner has this many open tickets on this record already.
    case tooMany
    /// No ballot has been received for this voting person: there is nothing to dispute.
    case noBallot
    /// The final result is out: a dispute now goes to a court (Civil Code Art. 280).
    case finalPublished
}

public enum TicketLimits {
    /// Characters of a question or of an answer.
    public static let maximumCharacters = 2000
    /// Open tickets one owner may have on one record at once (against a flood).
    public static let openPerAsker = 10

    /// The text as kept: trimmed, or why it is refused.
    public static func text(_ raw: String) throws(TicketError) -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= maximumCharacters, !text.unicodeScalars.contains("\u{0}") else { throw .badText }
        return text
    }
}

/// The one mechanism for a request that needs an answer by a deadline (issue 13, item 16): an
/// objection to a result today; a question on a ledger entry, a comment on a draft, a
/// register correction, a service request later. Someone asks; a desk must answer within a
/// number of local days (RULES.md §4, `LocalDays`); an unanswered ticket passes up its chain
/// of desks, each with the same number of days; the answer closes it. Where a ticket stands
/// is computed from these facts at any instant, never stored by hand; the store logs each
/// step (filed, passed up, answered) in the audit log.
///
/// A ticket's facts are what the store keeps, and all that its standing is computed from.
public struct Ticket: Sendable, Hashable {
    public var id: String
    public var kind: TicketKind
    /// The record it is about (the vote, for an objection) and the item within it (the matter).
    public var about: Subject
    public var item: String
    public var filedAt: Timestamp
    /// Who asked, as the desks see them (an owner's rooms).
    public var asker: String
    /// Full local days each desk has (`TicketKind.defaultAnswerDays` unless set otherwise).
    public var answerDays: Int
    public var text: String
    public var answer: TicketAnswer?

    public init(
        id: String, kind: TicketKind, about: Subject, item: String, filedAt: Timestamp, asker: String, answerDays: Int, text: String,
        answer: TicketAnswer? = nil
    ) {
        (self.id, self.kind, self.about, self.item, self.filedAt, self.asker) = (id, kind, about, item, filedAt, asker)
        (self.answerDays, self.text, self.answer) = (answerDays, text, answer)
    }

    /// Where an unanswered ticket stands at an instant.
    public struct Standing: Sendable, Hashable {
        /// The desk that must answer now, its place in the chain, and by when (24:00 of its last day).
        public var desk: TicketDesk
        public var level: Int
        public var due: Timestamp
        /// Past the last desk's deadline, still unanswered.
        public var overdue: Bool
    }

    /// The deadline of level `level` of the chain: `answerDays` full local days after the
    /// filing for the first desk (filed on 1 March, 7 days: 24:00 on 8 March), the same again
    /// after each deadline for the next (the days after 8 March: 24:00 on 15 March).
    public func due(level: Int, days: LocalDays = LocalDays()) -> Timestamp {
        let count = max(answerDays, 0)
        var due = days.end(ofDay: count, after: filedAt)
        for _ in 0..<max(level, 0) {
            // A deadline is 24:00 of its last day: the next period's days follow that day.
            due = days.end(ofDay: count, after: Timestamp(millisecondsSinceEpoch: due.millisecondsSinceEpoch - 1))
        }
        return due
    }

    /// The desk, level and deadline at `time`: each deadline passed unanswered hands the
    /// ticket to the next desk; after the last one it stays there, overdue. Nil once answered.
    public func standing(at time: Timestamp, days: LocalDays = LocalDays()) -> Standing? {
        guard answer == nil else { return nil }
        let chain = kind.chain
        for level in chain.indices {
            let due = due(level: level, days: days)
            if time < due { return Standing(desk: chain[level], level: level, due: due, overdue: false) }
        }
        let last = chain.count - 1
        return Standing(desk: chain[last], level: last, due: due(level: last, days: days), overdue: true)
    }

    /// Whether `desk` may answer at `time`: the desk the ticket stands at, or one further up
    /// the chain (the street office may step in at any time); never once answered.
    public func check(answeringAs desk: TicketDesk, at time: Timestamp) throws(TicketError) {
        guard let standing = standing(at: time) else { throw .alreadyAnswered }
        guard let mine = kind.chain.firstIndex(of: desk), mine >= standing.level else { throw .notYourDesk(desk) }
    }
}

/// The written answer that closes a ticket.
public struct TicketAnswer: Sendable, Hashable {
    public var text: String
    public var desk: TicketDesk
    /// The staff account that answered.
    public var actor: String
    public var at: Timestamp

    public init(text: String, desk: TicketDesk, actor: String, at: Timestamp) {
        (self.text, self.desk, self.actor, self.at) = (text, desk, actor, at)
    }
}

extension StaffRole {
    /// The desk a staff member of this role answers for, if any.
    public var desk: TicketDesk? {
        switch self {
        case .committee: .committee
        case .street: .street
        default: nil
        }
    }
}

extension VoteCalendar {
    /// Whether an objection may be filed at `time` (RULES.md §6): while a preliminary result
    /// published at `preliminaryAt` stands, until its objection period ends, and not once the
    /// final result is out.
    public func checkObjection(at time: Timestamp, preliminaryAt: Timestamp?, final: Bool) throws(TicketError) {
        guard let preliminaryAt, !final else { throw .notInObjectionPeriod(until: nil) }
        let ends = objectionEnds(publishedAt: preliminaryAt)
        guard time < ends else { throw .notInObjectionPeriod(until: ends) }
    }
}
