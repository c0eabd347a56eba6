import QuorumCore
import Testing

@Suite struct ReminderRuleTests {
    let last = ReminderRound(time: Timestamp(millisecondsSinceEpoch: 1_000_000), actor: "a", count: 12)

    @Test func aRoundWithinTheQuietHoursMustBeMeant() throws {
        let quiet = ReminderRule.quietUntil(last)
        #expect(quiet.millisecondsSinceEpoch == 1_000_000 + 6 * 3_600_000)
        let justBefore = Timestamp(millisecondsSinceEpoch: quiet.millisecondsSinceEpoch - 1)
        #expect(throws: ReminderError.sentRecently(last)) { try ReminderRule.check(last: last, at: justBefore, open: true, again: false) }
        try ReminderRule.check(last: last, at: justBefore, open: true, again: true)
        try ReminderRule.check(last: last, at: quiet, open: true, again: false)
        try ReminderRule.check(last: nil, at: justBefore, open: true, again: false)
    }

    @Test func noRoundOnceTheVoteIsNotOpen() {
        #expect(throws: ReminderError.closed) { try ReminderRule.check(last: nil, at: last.time, open: false, again: true) }
    }
}
