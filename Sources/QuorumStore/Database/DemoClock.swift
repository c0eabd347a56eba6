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

    /// Moves the clock forward by whole hours.
    public func advance(hours: Int) {
        offset.withLock { $0 += Int64(max(0, hours)) * 3_600_000 }
    }
}
