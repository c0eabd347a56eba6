import QuorumCore
import QuorumStore
import Testing

/// Issue 13: the demo clock's hours came from a form and `hours * 3,600,000` trapped.
@Suite struct DemoClockTests {
    @Test func anyNumberOfHoursMovesTheClockForwardWithinBounds() {
        let clock = DemoClock()
        let start = clock.now().millisecondsSinceEpoch
        for hours in [Int.max, Int.min, -1, 0] { clock.advance(hours: hours) }
        let once = clock.now().millisecondsSinceEpoch - start
        #expect(once >= Int64(DemoClock.largestStep) * 3_600_000 && once < Int64(DemoClock.largestStep + 1) * 3_600_000)
        for _ in 0..<200 { clock.advance(hours: Int.max) }
        let all = clock.now().millisecondsSinceEpoch - start
        #expect(all <= 100 * 366 * 24 * 3_600_000 + 60_000)
        clock.advance(hours: 24)
        #expect(clock.now().millisecondsSinceEpoch - start <= 100 * 366 * 24 * 3_600_000 + 60_000)
    }
}
