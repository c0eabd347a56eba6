import ArgumentParser
import Hummingbird
import Logging
import QuorumWeb

/// `quorum serve`: run the web site.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the Quorum web site (运行网站).")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        var logger = Logger(label: "quorum")
        logger.logLevel = .info
        try await options.withStore(logger: logger) { store in
            // Every instance migrates at start; one that finds the work done changes nothing.
            try await store.migrate()
            let app = buildApplication(configuration: WebConfiguration(host: host, port: port), store: store, logger: logger)
            Terminal.standardError("Quorum is running at http://\(host):\(port)/ — 网站已启动 (\(store.url))")
            try await app.runService()
        }
    }
}
