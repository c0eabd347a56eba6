/// A service request (投诉、咨询、报修; issue 15, items 2-4) as a state machine: its states,
/// the moves between them, who may make each, and the step each state's clock times. Pure,
/// like `DoubleEntry`: the store applies it and never re-decides.
public enum ServiceState: String, Sendable, Hashable, CaseIterable {
    case submitted, registered
    case onSite = "on_site"
    case planProposed = "plan_proposed"
    case planAgreed = "plan_agreed"
    case solved
    /// The owner has answered the return visit (回访) and the case is done.
    case closed
    /// Declined, with who declined and why (FixMyStreet's users: "say who declined and where to go").
    case declined
}

/// Who acts on a case.
public enum ServiceActor: String, Sendable, Hashable, CaseIterable {
    /// The owner (or resident) who reported it.
    case reporter
    case property, committee, street
}

/// A move of a case, each allowed to named actors.
public enum ServiceMove: String, Sendable, Hashable, CaseIterable {
    case register, arrive, solve
    case proposePlan = "propose_plan"
    case agreePlan = "agree_plan"
    case decline
    /// The return visit answered "solved" or "partly solved": the case closes.
    case confirm
    /// "Not solved" at the return visit, or a declined case taken up again: back to registered.
    case reopen

    /// The state a move leaves from, and the state it leads to.
    public var from: Set<ServiceState> {
        switch self {
        case .register: [.submitted]
        case .arrive: [.registered]
        case .solve: [.onSite, .planAgreed]
        case .proposePlan: [.onSite]
        case .agreePlan: [.planProposed]
        case .decline: [.submitted, .registered]
        case .confirm: [.solved]
        case .reopen: [.solved, .declined]
        }
    }

    public var to: ServiceState {
        switch self {
        case .register: .registered
        case .arrive: .onSite
        case .solve: .solved
        case .proposePlan: .planProposed
        case .agreePlan: .planAgreed
        case .decline: .declined
        case .confirm: .closed
        case .reopen: .registered
        }
    }

    /// Who may make the move: the desk that holds the case does the work; the reporter
    /// answers the return visit and agrees a plan with the committee; anyone above may step in.
    public var actors: Set<ServiceActor> {
        switch self {
        case .register, .arrive, .solve, .proposePlan, .decline: [.property, .committee, .street]
        case .agreePlan: [.reporter, .committee, .street]
        case .confirm, .reopen: [.reporter, .committee, .street]
        }
    }

    /// A decline and a reopening carry their reason.
    public var needsReason: Bool { self == .decline || self == .reopen }
}

/// Why a move is refused.
public enum ServiceError: Error, Hashable, Sendable {
    case notFrom(ServiceState, ServiceMove)
    case notYours(ServiceActor, ServiceMove)
    case reasonRequired(ServiceMove)
}

extension ServiceMove {
    /// The state after the move from `state` by `actor`, or why not.
    public func check(from state: ServiceState, by actor: ServiceActor, reason: String) throws(ServiceError) -> ServiceState {
        guard from.contains(state) else { throw .notFrom(state, self) }
        guard actors.contains(actor) else { throw .notYours(actor, self) }
        if needsReason && reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .reasonRequired(self) }
        return to
    }
}

/// The estate's time standard: for each state a case waits in, how long its next step may
/// take and on which calendar. "54321" by default (RULES.md §8): registered within 5
/// minutes, someone on site within 40, a small problem solved within 3 hours, a plan for a
/// complex one within 2 days, a return visit within a week; the first two around the clock,
/// the repair in working hours.
public struct ServiceStandard: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        public var limit: StepLimit
        public var hours: WorkingHours

        public init(_ limit: StepLimit, _ hours: WorkingHours = .aroundTheClock) { (self.limit, self.hours) = (limit, hours) }
    }

    /// The step timed while a case is in each state (none: nothing is owed then).
    public var steps: [ServiceState: Step]

    public init(steps: [ServiceState: Step]) { self.steps = steps }

    public static let fiftyFourThreeTwoOne = ServiceStandard(steps: [
        .submitted: Step(.minutes(5)), .registered: Step(.minutes(40)), .onSite: Step(.minutes(180), .office),
        .planProposed: Step(.days(2)), .solved: Step(.days(7)),
    ])

    /// When the step of a case that entered `state` at `since` is due, its pauses not
    /// counting; nil when nothing is owed in that state or the clock is stopped.
    public func due(in state: ServiceState, since: Timestamp, pauses: [ClockPause], days: LocalDays = LocalDays()) -> Timestamp? {
        guard let step = steps[state] else { return nil }
        return ServiceClock(hours: step.hours, days: days).due(from: since, limit: step.limit, pauses: pauses)
    }
}

/// RULES.md §8: "a fair on-time rate counts the open overdue cases too: closed on time ÷
/// (closed + open and overdue)", as a fraction of whole numbers (no floating point).
public struct OnTimeRate: Sendable, Hashable {
    public var onTime: Int
    public var counted: Int

    /// `steps`: each step's outcome — finished (on time or not) or still open (overdue or not);
    /// an open step not yet overdue is not counted.
    public init(_ steps: [(finished: Bool, late: Bool)]) {
        onTime = steps.filter { $0.finished && !$0.late }.count
        counted = steps.filter { $0.finished || $0.late }.count
    }

    /// Per mille, rounded half up; nil with nothing counted.
    public var perMille: Int? { counted == 0 ? nil : (onTime * 2000 + counted) / (2 * counted) }
}
