import Hummingbird
import Logging

/// How the web app is set up; the binary and the tests build it the same way.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// Builds the application `quorum serve` runs.
public func buildApplication(configuration: WebConfiguration, logger: Logger = Logger(label: "quorum")) -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.get("/health") { _, _ in "ok" }
    router.get("/") { _, _ in HomePage().response() }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Quorum"),
        logger: logger
    )
}
