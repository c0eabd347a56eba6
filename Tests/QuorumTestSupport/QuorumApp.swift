import HummingbirdTesting
import Logging
import QuorumCore
import QuorumStore
import QuorumWeb

/// The one app under test: a fresh, migrated store on `database`, what `setUp` puts in it,
/// and the app the binary builds on it, driven through the router (or a live server, for
/// what only a socket shows). Messages go to the outbox, as in production, and are recorded
/// by `phone` (which `setUp` receives); `metrics`, when given, are served at `/metrics`;
/// `web` sets what only a live server uses (the request timeouts).
public func withQuorumApp<Fixture: Sendable>(
    on database: TestDatabase = .sqlite, secret: String = "web test secret", logKey: String? = nil,
    clock: @escaping @Sendable () -> Timestamp = Store.systemClock,
    logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), secureCookies: Bool = false,
    testing: TestingSetup = .router, metrics: WebMetrics? = nil, web: WebConfiguration = WebConfiguration(),
    setUp: (Store, RecordingSender) async throws -> Fixture,
    _ body: @escaping @Sendable (Fixture, any TestClientProtocol) async throws -> Void
) async throws {
    try await database.withStore(secret: secret, logger: logger, logKey: logKey, clock: clock) { store in
        let phone = RecordingSender(forwardingTo: OutboxSender(store: store, logger: logger, development: false, words: { $0.text }))
        let fixture = try await setUp(store, phone)
        var dependencies = OwnerDependencies(store: store, sender: phone, secureCookies: secureCookies)
        dependencies.metrics = metrics
        let app = buildApplication(configuration: web, dependencies: dependencies, logger: logger)
        try await app.test(testing) { try await body(fixture, $0) }
    }
}

/// The app under test on an empty migrated store.
public func withQuorumApp(
    logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), testing: TestingSetup = .router,
    metrics: WebMetrics? = nil, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    try await withQuorumApp(logger: logger, testing: testing, metrics: metrics, setUp: { _, _ in () }, { _, client in try await body(client) })
}
