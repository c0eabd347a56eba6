import Hummingbird
import Logging
import QuorumStore

/// How the web app is set up; the binary and the tests build it the same way.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// Builds the application `quorum serve` runs. Without a store only the pages that need no
/// database are served.
public func buildApplication(
    configuration: WebConfiguration, store: Store? = nil, logger: Logger = Logger(label: "quorum")
) -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.get("/health") { _, _ in "ok" }
    router.get("/") { _, _ in HomePage().response() }
    if let store { LogRoutes.add(to: router, store: store) }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Quorum"),
        logger: logger
    )
}
