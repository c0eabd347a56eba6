import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// Reminders as a mass action (issue 13, item 11): a preview of how many texts, each round
/// in the log with its count and sender and never a phone, and no second round within the
/// quiet hours unless it is meant.
extension OrganiserTests {
    @Test(arguments: TestDatabase.available)
    func remindersArePreviewedLoggedAndNotResentByMistake(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: an open vote whose owners with phones have not voted
            let vote = try await openVote(store, estate: estate, clock: clock)
            // check: the preview counts the phones a round would text, and no round was sent
            let before = try await store.organising.reminderPreview(of: vote)
            #expect(before.recipients == 3 && before.rounds.isEmpty)
            // act: a round
            let sender = RecordingSender()
            let sent = try await store.organising.remindNonVoters(of: vote, actor: "organiser-1", sender: sender)
            #expect(sent == 3 && sender.sent.withLock { $0.count } == 3)
            let first = ReminderRound(time: clock.current, actor: "organiser-1", count: 3)
            #expect(try await store.organising.reminderPreview(of: vote).rounds == [first])
            // act: a second round an hour later, not said to be meant, is refused and sends nothing
            clock.advance(minutes: 60)
            await #expect(throws: ReminderError.sentRecently(first)) {
                try await store.organising.remindNonVoters(of: vote, actor: "organiser-2", sender: sender)
            }
            #expect(sender.sent.withLock { $0.count } == 3)
            #expect(try await store.organising.reminderPreview(of: vote).rounds == [first], "the refused round is not logged")
            // act: meant, it goes out; past the quiet hours it needs nothing
            try await store.organising.remindNonVoters(of: vote, actor: "organiser-2", again: true, sender: sender)
            clock.advance(minutes: ReminderRule.quietHours * 60)
            try await store.organising.remindNonVoters(of: vote, actor: "organiser-1", sender: sender)
            // check: three rounds, newest first, in a log that verifies and names no phone
            #expect(try await store.organising.reminderPreview(of: vote).rounds.map(\.actor) == ["organiser-1", "organiser-2", "organiser-1"])
            #expect(try await logKinds(store).filter { $0 == "reminders_sent" }.count == 3)
            var exported = ""
            try await store.log.export { exported += $0 }
            #expect(!exported.contains("13800000001") && exported.contains("\"count\":3"))
            if case .failure(let problem) = try await store.log.verify().result { Issue.record("the log does not verify: \(problem)") }
            // check: after the close no round goes out
            clock.advance(days: 6)
            await #expect(throws: ReminderError.closed) {
                try await store.organising.remindNonVoters(of: vote, actor: "organiser-1", again: true, sender: sender)
            }
        }
    }
}
