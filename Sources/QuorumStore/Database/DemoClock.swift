import QuorumCore
import Synchronization

/// The demo's clock: the wall clock plus an offset an organiser can move forward, so a
/// vote can be run from notice to result in minutes (15 days of notice, the voting window,
/// the objection period). Only `quorum serve --demo` uses it.
public final class DemoClock: Sendable {
    private let offset = Mutex<Int64>(0)

    public init() {}

    public func now() -> Timestamp {
        Timestamp(millisecondsSinceEpoch: Store.systemClock().millisecondsSinceEpoch + offset.withLock { $0 })
    }

    /// The furthest the demo may move in one step, and in all: a year, and a hundred years.
    public static let largestStep = 366 * 24
    static let largestOffset: Int64 = 100 * 366 * 24 * 3_600_000

    /// Moves the clock forward by whole hours (at most `largestStep`, whatever is asked).
    public func advance(hours: Int) {
        let step = Int64(min(max(0, hours), Self.largestStep)) * 3_600_000
        offset.withLock { $0 = min($0 + step, Self.largestOffset) }
    }
}
