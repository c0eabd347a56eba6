import HummingbirdTesting
import Logging
import QuorumCore
import QuorumStore
import QuorumWeb

/// The one app under test: a fresh, migrated store on `database`, what `setUp` puts in it,
/// and the app the binary builds on it, driven through the router. Messages go to the
/// outbox, as in production, and are recorded by `phone` (which `setUp` receives).
public func withQuorumApp<Fixture: Sendable>(
    on database: TestDatabase = .sqlite, secret: String = "web test secret",
    logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), secureCookies: Bool = false,
    setUp: (Store, RecordingSender) async throws -> Fixture,
    _ body: @escaping @Sendable (Fixture, any TestClientProtocol) async throws -> Void
) async throws {
    try await database.withStore(secret: secret, logger: logger, clock: Store.systemClock) { store in
        let phone = RecordingSender(forwardingTo: OutboxSender(store: store, logger: logger, development: false, words: { $0.text }))
        let fixture = try await setUp(store, phone)
        let app = buildApplication(
            configuration: WebConfiguration(),
            dependencies: OwnerDependencies(store: store, sender: phone, secureCookies: secureCookies), logger: logger)
        try await app.test(.router) { try await body(fixture, $0) }
    }
}

/// The app under test on an empty migrated store.
public func withQuorumApp(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    try await withQuorumApp(setUp: { _, _ in () }, { _, client in try await body(client) })
}
