import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// Objections on both databases (issue 13, item 16): filed in the objection period only,
/// answered in writing, passed to the street office when the committee's days run out, each
/// step in the log; the final result waits for every answer.
@Suite struct ObjectionTests {
    let organiser = OrganiserTests()

    /// A counted vote with its preliminary result published, and an owner with a person in it.
    func withPreliminary(
        _ database: TestDatabase, _ body: (Store, StoredVote, OwnerSession, VoterView, TestClock) async throws -> Void
    ) async throws {
        try await organiser.withEstate(database) { store, estate, clock in
            let vote = try await organiser.openVote(store, estate: estate, clock: clock, closingIn: 2)
            let jia = try await organiser.owner(store, estate: estate, name: "甲", id: "110101199001010011")
            let voter = try #require(try await store.voting.voters(in: vote.id, owner: jia.idHash).first)
            _ = try await store.voting.castOnline(
                vote: vote.id, person: voter.person, owner: jia.idHash, choices: VotingTests.choices, signature: .typed("甲"))
            // before the count there is nothing to object to
            await #expect(throws: TicketError.notInObjectionPeriod(until: nil)) {
                try await store.tickets.fileObjection("计票有误", on: "m1", of: vote, voter: voter, owner: jia.idHash)
            }
            clock.advance(days: 3)
            _ = try await store.results.settle(vote.id)
            let published = try await store.results.publishResult(vote.id, final: false, actor: "c1")
            try await body(store, published, jia, voter, clock)
        }
    }

    func kinds(_ store: Store) async throws -> [String] { try await organiser.logKinds(store) }

    @Test(arguments: TestDatabase.available)
    func anAnsweredObjectionLetsTheFinalResultOut(_ database: TestDatabase) async throws {
        try await withPreliminary(database) { store, vote, jia, voter, clock in
            // act: the owner objects to matter m1
            let ticket = try await store.tickets.fileObjection("  第3栋的纸票未计入 ", on: "m1", of: vote, voter: voter, owner: jia.idHash)
            // check: kept as filed, due in 7 local days, the committee's to answer
            #expect(ticket.text == "第3栋的纸票未计入" && ticket.asker == voter.rooms)
            #expect(try await store.tickets.tickets(about: vote.subject, owner: jia.idHash) == [ticket])
            #expect(try await store.tickets.tickets(about: vote.subject, owner: "someone else").isEmpty)
            #expect(ticket.standing(at: clock.current)?.desk == .committee)
            #expect(try await store.tickets.open(in: [vote.estateID]).map(\.id) == [ticket.id])
            #expect(try await store.tickets.openCount(about: vote.subject) == 1)
            // refused: an unknown matter, an empty text
            await #expect(throws: TicketError.noSuchMatter) {
                try await store.tickets.fileObjection("x", on: "m9", of: vote, voter: voter, owner: jia.idHash)
            }
            await #expect(throws: TicketError.badText) {
                try await store.tickets.fileObjection(" ", on: "m1", of: vote, voter: voter, owner: jia.idHash)
            }
            // the final result waits, even after the objection period, while it is unanswered
            clock.advance(days: 8)
            let blocked = try #require(try await store.results.settle(vote.id))
            await #expect(throws: ResultError.objectionsOpen(1)) { try await store.results.publishResult(blocked.id, final: true, actor: "c1") }
            // act: the street office answers (the committee's days are over)
            await #expect(throws: TicketError.notYourDesk(.committee)) {
                try await store.tickets.answer(ticket.id, with: "复核", as: .committee, actor: "c1")
            }
            let answered = try await store.tickets.answer(ticket.id, with: "已复核，纸票已计入", as: .street, actor: "s1")
            #expect(answered.answer?.desk == .street && answered.answer?.actor == "s1")
            await #expect(throws: TicketError.alreadyAnswered) {
                try await store.tickets.answer(ticket.id, with: "again", as: .street, actor: "s1")
            }
            #expect(try await store.tickets.openCount(about: vote.subject) == 0)
            // check: the final result goes out; the log tells filed, passed, answered, in order
            _ = try await store.results.publishResult(vote.id, final: true, actor: "c1")
            let ticketKinds = try await kinds(store).filter { $0.hasPrefix("ticket_") }
            #expect(ticketKinds == ["ticket_filed", "ticket_passed", "ticket_answered"])
            // and the log as exported verifies with the new kinds in it
            var text = ""
            try await store.log.export { text += $0 }
            let verified = await LogExport.verify(Array(text.utf8), expectedKey: try await store.log.publicKey()).result
            #expect((try? verified.get()) != nil)
            #expect(!text.contains("第3栋"), "the log holds the text's hash, never the text")
        }
    }

    @Test(arguments: TestDatabase.available)
    func theSweepLogsEachPassOnceAndTheObjectionPeriodEnds(_ database: TestDatabase) async throws {
        try await withPreliminary(database) { store, vote, jia, voter, clock in
            let ticket = try await store.tickets.fileObjection("异议", on: "m1", of: vote, voter: voter, owner: jia.idHash)
            try await store.tickets.passDue()
            #expect(try await kinds(store).filter { $0 == "ticket_passed" }.isEmpty)
            // act: past the committee's deadline, the sweep runs twice
            clock.advance(minutes: (ticket.due(level: 0).millisecondsSinceEpoch - clock.current.millisecondsSinceEpoch) / 60_000 + 1)
            try await store.tickets.passDue()
            try await store.tickets.passDue()
            // check: one pass, to the street office; objections are no longer taken
            #expect(try await kinds(store).filter { $0 == "ticket_passed" }.count == 1)
            let ends = vote.calendar.objectionEnds(publishedAt: try #require(vote.preliminaryAt))
            await #expect(throws: TicketError.notInObjectionPeriod(until: ends)) {
                try await store.tickets.fileObjection("晚了", on: "m1", of: vote, voter: voter, owner: jia.idHash)
            }
            // the committee's late answer is refused; the street office's is taken
            await #expect(throws: TicketError.notYourDesk(.committee)) {
                try await store.tickets.answer(ticket.id, with: "迟复", as: .committee, actor: "c1")
            }
            _ = try await store.tickets.answer(ticket.id, with: "已复核", as: .street, actor: "s1")
            #expect(try await store.tickets.open(in: [vote.estateID]).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func oneOwnerCannotFloodTheDesk(_ database: TestDatabase) async throws {
        try await withPreliminary(database) { store, vote, jia, voter, _ in
            for number in 0..<TicketLimits.openPerAsker {
                _ = try await store.tickets.fileObjection("异议 \(number)", on: "m1", of: vote, voter: voter, owner: jia.idHash)
            }
            await #expect(throws: TicketError.tooMany) {
                try await store.tickets.fileObjection("再一项", on: "m1", of: vote, voter: voter, owner: jia.idHash)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func aBallotDisputedInTheOwnersNameWaitsForItsAnswer(_ database: TestDatabase) async throws {
        try await organiser.withEstate(database) { store, estate, clock in
            let vote = try await organiser.openVote(store, estate: estate, clock: clock, closingIn: 2)
            let jia = try await organiser.owner(store, estate: estate, name: "甲", id: "110101199001010011")
            let before = try #require(try await store.voting.voters(in: vote.id, owner: jia.idHash).first)
            // refused: nothing received yet for the person
            await #expect(throws: TicketError.noBallot) { try await store.tickets.fileDispute("不是我投的", of: vote, voter: before, owner: jia.idHash) }
            // setup: a ballot received in 甲's person's name (say, by someone who had the code)
            _ = try await store.voting.castOnline(
                vote: vote.id, person: before.person, owner: jia.idHash, choices: VotingTests.choices, signature: .typed("甲"))
            let voter = try #require(try await store.voting.voters(in: vote.id, owner: jia.idHash).first)
            // act: during the vote, 甲 disputes it
            let ticket = try await store.tickets.fileDispute("我没有投票", of: vote, voter: voter, owner: jia.idHash)
            // check: the one mechanism: the committee's to answer in the vote's days, logged
            #expect(ticket.kind == .ballotDispute && ticket.item == TicketKind.disputedBallot && ticket.answerDays == vote.settings.answerDays)
            #expect(ticket.standing(at: clock.current)?.desk == .committee)
            var log = ""
            try await store.log.export { log += $0 }
            #expect(log.contains("\"ticket_kind\":\"ballot_dispute\""))
            // the final result waits for its answer
            clock.advance(days: 3)
            _ = try await store.results.settle(vote.id)
            _ = try await store.results.publishResult(vote.id, final: false, actor: "c1")
            clock.advance(days: 9)
            await #expect(throws: ResultError.objectionsOpen(1)) { try await store.results.publishResult(vote.id, final: true, actor: "c1") }
            _ = try await store.tickets.answer(ticket.id, with: "经核对，该票由甲的手机号绑定后投出", as: .street, actor: "s1")
            let final = try await store.results.publishResult(vote.id, final: true, actor: "c1")
            // after the final result a dispute goes to court, not here
            await #expect(throws: TicketError.finalPublished) {
                try await store.tickets.fileDispute("再次异议", of: final, voter: voter, owner: jia.idHash)
            }
        }
    }
}
