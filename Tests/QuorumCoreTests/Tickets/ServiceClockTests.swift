import Testing

@testable import QuorumCore

/// Issue 15, item 2: a pause and a working-hours calendar move a deadline exactly as the
/// rules say, at the boundaries (RULES.md §8's 54321; §4 for limits in days).
@Suite struct ServiceClockTests {
    static func at(_ text: String) -> Timestamp { Timestamp.parse(text + "+08:00")! }
    let office = ServiceClock(hours: .office)
    let always = ServiceClock()

    @Test func aroundTheClockTheMinutesRunStraight() {
        #expect(always.due(from: Self.at("2026-12-04T23:58:00"), limit: .minutes(5), pauses: []) == Self.at("2026-12-05T00:03:00"))
        #expect(always.due(from: Self.at("2026-12-04T10:00:00"), limit: .minutes(0), pauses: []) == Self.at("2026-12-04T10:00:00"))
    }

    @Test func workingHoursCarryTheRestToTheNextWorkingDay() {
        // 3 hours asked at 17:00: one today, two from 08:00 tomorrow.
        #expect(office.due(from: Self.at("2026-12-04T17:00:00"), limit: .minutes(180), pauses: []) == Self.at("2026-12-05T10:00:00"))
        // Before opening, the clock starts at 08:00; at 18:00 sharp, tomorrow at 08:00.
        #expect(office.due(from: Self.at("2026-12-04T07:00:00"), limit: .minutes(180), pauses: []) == Self.at("2026-12-04T11:00:00"))
        #expect(office.due(from: Self.at("2026-12-04T18:00:00"), limit: .minutes(180), pauses: []) == Self.at("2026-12-05T11:00:00"))
        // The last minute of the day is due at 18:00, not at 08:00 tomorrow.
        #expect(office.due(from: Self.at("2026-12-04T17:59:00"), limit: .minutes(1), pauses: []) == Self.at("2026-12-04T18:00:00"))
        // Monday to Friday: Friday 4 December 2026 17:00, 3 hours, is due on Monday 10:00.
        let weekdays = ServiceClock(hours: WorkingHours(opens: 8 * 60, closes: 18 * 60, weekdays: Set(1...5)))
        #expect(weekdays.due(from: Self.at("2026-12-04T17:00:00"), limit: .minutes(180), pauses: []) == Self.at("2026-12-07T10:00:00"))
        // A calendar that never runs has no deadline.
        #expect(
            ServiceClock(hours: WorkingHours(opens: 0, closes: 0)).due(from: Self.at("2026-12-04T10:00:00"), limit: .minutes(1), pauses: []) == nil)
    }

    @Test func aPauseStopsTheClockForItsLength() {
        let start = Self.at("2026-12-04T10:00:00")
        let pause = ClockPause(from: Self.at("2026-12-04T10:10:00"), until: Self.at("2026-12-04T10:30:00"), reason: "等配件")
        #expect(always.due(from: start, limit: .minutes(40), pauses: [pause]) == Self.at("2026-12-04T11:00:00"))
        // Still paused: no deadline while the clock is stopped; a pause after the deadline changes nothing.
        #expect(always.due(from: start, limit: .minutes(40), pauses: [ClockPause(from: pause.from, reason: "业主不在家")]) == nil)
        let late = ClockPause(from: Self.at("2026-12-04T10:41:00"), until: Self.at("2026-12-04T12:00:00"), reason: "x")
        #expect(always.due(from: start, limit: .minutes(40), pauses: [late]) == Self.at("2026-12-04T10:40:00"))
        // Overlapping pauses count once.
        let overlapping = ClockPause(from: Self.at("2026-12-04T10:20:00"), until: Self.at("2026-12-04T10:40:00"), reason: "y")
        #expect(always.due(from: start, limit: .minutes(40), pauses: [pause, overlapping]) == Self.at("2026-12-04T11:10:00"))
        // Across the night in working hours: 30 minutes on Friday, the pause until 08:30, 150 minutes after.
        let night = ClockPause(from: Self.at("2026-12-04T17:30:00"), until: Self.at("2026-12-05T08:30:00"), reason: "等配件")
        #expect(office.due(from: Self.at("2026-12-04T17:00:00"), limit: .minutes(180), pauses: [night]) == Self.at("2026-12-05T11:00:00"))
        #expect(ServiceClock.paused([pause, overlapping], by: Self.at("2026-12-04T10:35:00")) == 25 * 60_000)
    }

    @Test func aLimitInDaysEndsAt2400AndAPauseMovesItByItsLength() {
        // 2 days from 1 March 10:00: 24:00 on 3 March.
        let start = Self.at("2026-03-01T10:00:00")
        #expect(office.due(from: start, limit: .days(2), pauses: []) == Self.at("2026-03-04T00:00:00"))
        let pause = ClockPause(from: Self.at("2026-03-02T09:00:00"), until: Self.at("2026-03-02T15:00:00"), reason: "等配件")
        #expect(office.due(from: start, limit: .days(2), pauses: [pause]) == Self.at("2026-03-04T06:00:00"))
        #expect(office.due(from: start, limit: .days(2), pauses: [ClockPause(from: pause.from, reason: "x")]) == nil)
        let after = ClockPause(from: Self.at("2026-03-04T00:00:00"), until: Self.at("2026-03-05T00:00:00"), reason: "x")
        #expect(office.due(from: start, limit: .days(2), pauses: [after]) == Self.at("2026-03-04T00:00:00"))
    }
}

/// Issue 15, items 2-4 and 6: the case's moves and who makes them; the 54321 standard; the
/// fair on-time rate.
@Suite struct ServiceCaseTests {
    @Test func eachMoveLeavesFromItsStatesAndBelongsToItsActors() throws {
        #expect(try ServiceMove.register.check(from: .submitted, by: .property, reason: "") == .registered)
        #expect(throws: ServiceError.notFrom(.closed, .register)) { try ServiceMove.register.check(from: .closed, by: .property, reason: "") }
        #expect(throws: ServiceError.notYours(.reporter, .solve)) { try ServiceMove.solve.check(from: .onSite, by: .reporter, reason: "") }
        #expect(throws: ServiceError.notYours(.property, .confirm)) { try ServiceMove.confirm.check(from: .solved, by: .property, reason: "") }
        #expect(throws: ServiceError.reasonRequired(.decline)) { try ServiceMove.decline.check(from: .registered, by: .property, reason: " ") }
        // "Not solved" at the return visit reopens the case, with the owner's words.
        #expect(try ServiceMove.reopen.check(from: .solved, by: .reporter, reason: "还是漏水") == .registered)
        // Every state but the last can be left; every move leads somewhere it can be left from, or ends.
        for state in ServiceState.allCases where state != .closed {
            #expect(ServiceMove.allCases.contains { $0.from.contains(state) }, "\(state)")
        }
    }

    @Test func theStandardTimesEachStateOnItsCalendar() {
        let standard = ServiceStandard.fiftyFourThreeTwoOne
        let at = { (text: String) in Timestamp.parse(text + "+08:00")! }
        #expect(standard.due(in: .submitted, since: at("2026-12-04T22:00:00"), pauses: []) == at("2026-12-04T22:05:00"))
        #expect(standard.due(in: .registered, since: at("2026-12-04T22:00:00"), pauses: []) == at("2026-12-04T22:40:00"))
        // The repair runs in office hours: on site at 22:00, solved by 11:00 tomorrow.
        #expect(standard.due(in: .onSite, since: at("2026-12-04T22:00:00"), pauses: []) == at("2026-12-05T11:00:00"))
        #expect(standard.due(in: .solved, since: at("2026-12-04T22:00:00"), pauses: []) == at("2026-12-12T00:00:00"))
        #expect(standard.due(in: .closed, since: at("2026-12-04T22:00:00"), pauses: []) == nil)
    }

    @Test func theOnTimeRateCountsOpenOverdueCases() {
        // 3 closed on time, 1 closed late, 2 open and overdue, 4 open within their time.
        let steps =
            Array(repeating: (true, false), count: 3) + [(true, true)] + Array(repeating: (false, true), count: 2)
            + Array(repeating: (false, false), count: 4)
        let rate = OnTimeRate(steps)
        #expect(rate.onTime == 3 && rate.counted == 6 && rate.perMille == 500)
        #expect(OnTimeRate([]).perMille == nil && OnTimeRate([(true, false), (true, false), (false, true)]).perMille == 667)
    }
}
