import Hummingbird
import Logging
import QuorumStore

/// How the web app is set up; the binary and the tests build it the same way.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// How long a client may take to send a request's head and its body.
    public var timeouts: RequestTimeouts

    public init(host: String = "127.0.0.1", port: Int = 8080, timeouts: RequestTimeouts = RequestTimeouts()) {
        self.host = host
        self.port = port
        self.timeouts = timeouts
    }
}

/// Builds the application `quorum serve` runs.
public func buildApplication(
    configuration: WebConfiguration, dependencies: OwnerDependencies, logger: Logger = Logger(label: "quorum")
) -> some ApplicationProtocol {
    let router = Router(context: QuorumRequestContext.self)
    // Outermost: every request counted, timed and logged with its id, refused ones too.
    router.add(middleware: OperationsMiddleware(metrics: dependencies.metrics))
    // Then the security headers, so that every response has them, a refused or failed one too.
    router.add(middleware: SecurityHeadersMiddleware(behindTLS: dependencies.secureCookies))
    router.add(middleware: RequestSizeMiddleware())
    router.add(
        middleware: SessionMiddleware(
            store: dependencies.store, secureCookies: dependencies.secureCookies, trustedProxies: dependencies.trustedProxies))
    let store = dependencies.store
    for route in routeTable(dependencies: dependencies) {
        router.on(RouterPath(route.path), method: route.method) { request, context in try await route.guarded(request, context, store) }
    }
    let timeouts = configuration.timeouts
    return Application(
        router: router,
        // A new timeout handler for each connection (an autoclosure, called per channel).
        server: .http1(configuration: .init(additionalChannelHandlers: [RequestTimeoutHandler(timeouts)])),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Quorum"),
        logger: logger
    )
}
