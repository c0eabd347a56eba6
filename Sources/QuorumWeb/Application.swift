import Hummingbird
import Logging
import QuorumStore

/// How the web app is set up; the binary and the tests build it the same way.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The figures `/metrics` shows; nil: no `/metrics` route.
    public var metrics: WebMetrics?

    public init(host: String = "127.0.0.1", port: Int = 8080, metrics: WebMetrics? = nil) {
        self.host = host
        self.port = port
        self.metrics = metrics
    }
}

/// Builds the application `quorum serve` runs.
public func buildApplication(
    configuration: WebConfiguration, dependencies: OwnerDependencies, logger: Logger = Logger(label: "quorum")
) -> some ApplicationProtocol {
    let router = Router(context: QuorumRequestContext.self)
    router.add(middleware: OperationsMiddleware(metrics: configuration.metrics))
    router.add(middleware: SessionMiddleware(store: dependencies.store))
    OperationsRoutes.add(to: router, store: dependencies.store, metrics: configuration.metrics)
    router.get("/static/:name") { _, context in
        guard let name = context.parameters.get("name"), let response = StaticFiles.response(name) else {
            throw HTTPError(.notFound)
        }
        return response
    }
    OwnerRoutes(dependencies: dependencies).add(to: router)
    LogRoutes.add(to: router, store: dependencies.store)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Quorum"),
        logger: logger
    )
}
