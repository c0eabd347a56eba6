import Testing

@testable import QuorumCore

/// The answer-owed mechanism: deadlines in local days (RULES.md §4), the chain of desks, who
/// may answer when.
@Suite struct TicketTests {
    static func local(_ text: String) -> Timestamp { Timestamp.parse(text + "+08:00")! }

    static func objection(filedAt: String, answerDays: Int = 7) -> Ticket {
        Ticket(
            id: "T1", kind: .objection, about: .vote("v", estate: 1), item: "m1", filedAt: local(filedAt), asker: "1-1-101",
            answerDays: answerDays, text: "计票有误")
    }

    @Test func eachDeskHasItsDaysFromTheDayAfterEndingAt2400() {
        // setup: filed on 1 March at 23:59 local; 7 days are 2 to 8 March
        let ticket = Self.objection(filedAt: "2024-03-01T23:59:00")
        // check: the committee answers by 24:00 on 8 March, the street office by 24:00 on 15 March
        #expect(ticket.due(level: 0) == Self.local("2024-03-09T00:00:00"))
        #expect(ticket.due(level: 1) == Self.local("2024-03-16T00:00:00"))
        // a filing at 00:00 counts from the next day all the same
        #expect(Self.objection(filedAt: "2024-03-01T00:00:00").due(level: 0) == Self.local("2024-03-09T00:00:00"))
    }

    @Test func anUnansweredTicketPassesUpItsChainAndThenStaysOverdue() {
        let ticket = Self.objection(filedAt: "2024-03-01T10:00:00")
        let first = ticket.standing(at: Self.local("2024-03-08T23:59:59"))
        #expect(first == Ticket.Standing(desk: .committee, level: 0, due: Self.local("2024-03-09T00:00:00"), overdue: false))
        let second = ticket.standing(at: Self.local("2024-03-09T00:00:00"))
        #expect(second == Ticket.Standing(desk: .street, level: 1, due: Self.local("2024-03-16T00:00:00"), overdue: false))
        let late = ticket.standing(at: Self.local("2024-04-01T00:00:00"))
        #expect(late?.desk == .street && late?.overdue == true)
    }

    @Test func theCommitteeAnswersUntilItsDeadlineTheStreetOfficeAlways() throws {
        var ticket = Self.objection(filedAt: "2024-03-01T10:00:00")
        let before = Self.local("2024-03-05T12:00:00")
        let after = Self.local("2024-03-10T12:00:00")
        try ticket.check(answeringAs: .committee, at: before)
        try ticket.check(answeringAs: .street, at: before)
        #expect(throws: TicketError.notYourDesk(.committee)) { try ticket.check(answeringAs: .committee, at: after) }
        try ticket.check(answeringAs: .street, at: after)
        // once answered, no one answers again and it stands nowhere
        ticket.answer = TicketAnswer(text: "已复核", desk: .street, actor: "s1", at: after)
        #expect(ticket.standing(at: after) == nil)
        #expect(throws: TicketError.alreadyAnswered) { try ticket.check(answeringAs: .street, at: after) }
    }

    @Test func objectionsAreTakenOnlyWhileAPreliminaryResultStands() throws {
        let calendar = VoteCalendar(opensAt: Self.local("2024-02-01T00:00:00"), closesAt: Self.local("2024-02-20T00:00:00"), objectionDays: 7)
        let published = Self.local("2024-02-21T15:00:00")
        #expect(throws: TicketError.notInObjectionPeriod(until: nil)) {
            try calendar.checkObjection(at: published, preliminaryAt: nil, final: false)
        }
        try calendar.checkObjection(at: Self.local("2024-02-28T23:59:59"), preliminaryAt: published, final: false)
        #expect(throws: TicketError.notInObjectionPeriod(until: Self.local("2024-02-29T00:00:00"))) {
            try calendar.checkObjection(at: Self.local("2024-02-29T00:00:00"), preliminaryAt: published, final: false)
        }
        #expect(throws: TicketError.notInObjectionPeriod(until: nil)) {
            try calendar.checkObjection(at: published, preliminaryAt: published, final: true)
        }
    }

    @Test func aTextMustSaySomethingAndNotTooMuch() throws {
        #expect(try TicketLimits.text("  计票有误 \n") == "计票有误")
        #expect(throws: TicketError.badText) { try TicketLimits.text(" \n ") }
        #expect(throws: TicketError.badText) { try TicketLimits.text(String(repeating: "异", count: TicketLimits.maximumCharacters + 1)) }
        #expect(throws: TicketError.badText) { try TicketLimits.text("a\u{0}b") }
    }
}
