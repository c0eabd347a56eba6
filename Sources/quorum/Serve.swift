import ArgumentParser
import Foundation
import Hummingbird
import Logging
import QuorumCore
import QuorumStore
import QuorumSynthetic
import QuorumWeb
import ServiceLifecycle

/// `quorum serve`: run the web site.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the Quorum web site (运行网站).")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Flag(help: "Serve a generated demo estate with an open vote, and show one-time codes on the page (never in production).")
    var demo = false

    @Flag(help: "Mark cookies Secure: set this when the site is served over HTTPS (behind a TLS proxy).")
    var secureCookies = false

    @Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(
            "The address of a proxy in front (repeat for several): its X-Forwarded-For names the client for the rate limits.",
            valueName: "address"))
    var trustedProxies: [String] = []

    @Option(
        help: ArgumentHelp(
            "Identity providers whose ES256 credentials bind owners: a JSON file of [{\"issuer\", \"audience\", \"public_key_pem\"}].",
            valueName: "file"))
    var identityProviders: String?

    @Option(help: ArgumentHelp("Send one-time codes through this SMS gateway (token from $QUORUM_SMS_TOKEN); default: the outbox.", valueName: "url"))
    var smsGateway: String?

    @Option(help: ArgumentHelp("Close a connection whose request head (line and headers) is not in within this many seconds.", valueName: "seconds"))
    var requestHeadTimeout = 10

    @Option(help: ArgumentHelp("Close a connection whose request body is not in within this many seconds of its head.", valueName: "seconds"))
    var requestBodyTimeout = 60

    @Option(help: "Log lines as `text` (key=value) or `json` (one object a line); each request's lines carry its hb.request.id.")
    var logFormat: LogFormat = .text

    @Option(help: "The least severe log level written: trace, debug, info (every request), notice, warning, error.")
    var logLevel: Logger.Level = .info

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        guard requestHeadTimeout > 0, requestBodyTimeout > 0 else { throw ValidationError("the request timeouts must be at least 1 second") }
    }

    func run() async throws {
        let format = logFormat
        LoggingSystem.bootstrap { label in
            switch format {
            case .text: StreamLogHandler.standardError(label: label)
            case .json: JSONLogHandler(label: label)
            }
        }
        var logger = Logger(label: "quorum")
        logger.logLevel = logLevel
        let demoClock = demo ? DemoClock() : nil
        let clock: @Sendable () -> Timestamp
        if let demoClock { clock = { demoClock.now() } } else { clock = Store.systemClock }
        try await options.withStore(logger: logger, clock: clock, sessionClock: Store.systemClock) { store in
            // Every instance migrates at start; one that finds the work done changes nothing.
            try await store.migrate()
            let outbox = OutboxSender(store: store, logger: logger, development: demo, words: { $0.text })
            var sender: any MessageSender = outbox
            if let smsGateway {
                guard let url = URL(string: smsGateway), let token = ProcessInfo.processInfo.environment["QUORUM_SMS_TOKEN"] else {
                    throw ValidationError("--sms-gateway needs a URL and the token in QUORUM_SMS_TOKEN")
                }
                sender = HTTPGatewaySender(url: url, token: token, words: { $0.text })
            }
            var dependencies = OwnerDependencies(
                store: store, sender: sender, secureCookies: secureCookies, trustedIssuers: try identityProviders.map(Self.issuers) ?? [],
                trustedProxies: Set(trustedProxies))
            if demo {
                let messages = DevelopmentMessages(forwardingTo: sender)
                dependencies.sender = messages
                dependencies.showCodes = messages
                dependencies.demoClock = demoClock
                try await DemoSetup.prepare(store)
            }
            // Openings and closings are logged, and votes counted, when their time comes; so is
            // each ticket left unanswered past its deadline, as it passes up its chain.
            let settlerLogger = logger
            let noticeSender = dependencies.sender
            let settler = Task {
                while !Task.isCancelled {
                    do { try await store.results.settleDue() } catch { settlerLogger.error("settling votes failed: \(error)") }
                    do { try await store.tickets.passDue() } catch { settlerLogger.error("passing tickets up failed: \(error)") }
                    do { try await store.voting.noticeBallots(sender: noticeSender) } catch {
                        settlerLogger.error("texting owners of their ballots failed: \(error)")
                    }
                    try? await Task.sleep(for: .seconds(5))
                }
            }
            defer { settler.cancel() }
            dependencies.metrics = WebMetrics()
            let timeouts = RequestTimeouts(head: .seconds(requestHeadTimeout), body: .seconds(requestBodyTimeout))
            let app = buildApplication(
                configuration: WebConfiguration(host: host, port: port, timeouts: timeouts), dependencies: dependencies, logger: logger)
            Terminal.standardError("Quorum is running at http://\(host):\(port)/ — 网站已启动 (\(store.url))")
            if demo { Terminal.standardError(DemoSetup.instructions(host: host, port: port)) }
            // SIGTERM or SIGINT: stop accepting connections, finish the requests in flight — a
            // ballot being cast gets its commit and its receipt — then close the database.
            let services = ServiceGroup(
                configuration: ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await services.run()
            logger.notice("stopped; every request in flight was answered")
        }
    }
}

extension Serve {
    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// Reads the identity providers file.
    static func issuers(_ path: String) throws -> [TrustedIssuer] {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        struct Entry: Decodable {
            var issuer: String
            var audience: String
            var public_key_pem: String
        }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(try readFile(path)))
        return try entries.map { try TrustedIssuer(issuer: $0.issuer, audience: $0.audience, pem: $0.public_key_pem) }
    }
}

/// The demo: the estate imported once, and an open vote on it.
enum DemoSetup {
    static func prepare(_ store: Store) async throws {
        let path = EstatePath(city: "青岛市", district: "市南区", street: "八大峡街道", estate: DemoEstate.name)
        let estate: Int64
        if let existing = try await store.register.findEstate(path), try await store.register.stored(of: existing.id) != nil {
            estate = existing.id
        } else {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-demo-\(UUID().uuidString).csv")
            try Data(DemoEstate.registryCSV.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            estate = try await store.register.importRegister(file: file.path, named: "demo-registry.csv", estate: path).estate.id
        }
        try await prepareAccounts(store, estate: estate)
        try await DemoBooks.prepare(store, estate: estate)
        try await DemoFacilities.prepare(store, estate: estate, actor: try await store.staff.account(username: "demo-property")?.id ?? "system")
        if try await store.settings.current(of: estate).revision == 0 {
            // The rules of procedure the demo's owners adopted: answers within 5 days, at most 3 persons a proxy.
            var settings = EstateSettings()
            (settings.answerDays, settings.proxyCap) = (5, 3)
            let rules = Array("%PDF-1.4\n% \(DemoEstate.name)业主大会议事规则（演示）\n%%EOF\n".utf8)
            try await store.settings.change(
                estate: estate, to: settings, basis: .document(name: "\(DemoEstate.name)业主大会议事规则.pdf", bytes: rules), actor: "system")
        }
        let now = store.now()
        if try await store.voting.votes(of: estate).contains(where: { $0.isOpen(at: now) }) { return }
        let day: Int64 = 86_400_000
        let definition = VoteDefinition(
            name: "阳光花园 2026 年第一次业主大会",
            matters: [
                Matter(id: "m1", title: "使用专项维修资金更换 2 号楼电梯", item: 5),
                Matter(id: "m2", title: "将小区东侧绿地改建为非机动车停车棚", item: 8),
                Matter(
                    id: "m3", title: "选举第一届业主委员会", item: 3,
                    kind: .election(
                        seats: 5,
                        candidates: ["孔杰", "贾桂", "苏敏", "王辉", "汤英", "陶霞", "方国"].enumerated().map {
                            Candidate(id: "c\($0.offset + 1)", name: $0.element)
                        })),
            ])
        // Named before the notice, as the committee would: the two clerks, the street office watching.
        var named: [String: String] = [:]
        for name in ["demo-clerk1", "demo-clerk2", "demo-street"] { named[name] = try await store.staff.account(username: name)?.id }
        let vote = try await store.voting.createVote(
            estate: estate, definition: definition, opensAt: Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch - day),
            closesAt: Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + 14 * day),
            noticedAt: Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch - 17 * day),
            clerks: [named["demo-clerk1"], named["demo-clerk2"]].compactMap { $0 }, scrutineers: [named["demo-street"]].compactMap { $0 })
        // The first households reached in the notice period, each its own way, on the day it happened.
        let persons = try await store.organising.persons(of: vote.id).prefix(4).map(\.person)
        for (person, (method, daysAgo)) in zip(persons, [(DeliveryMethod.hand, 15), (.text, 14), (.phone, 12), (.post, 10)]) {
            let date = String(Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch - Int64(daysAgo) * day).localMinute.prefix(10))
            try await store.organising.recordDelivery(vote: vote, person: person, method: method, day: date, actor: named["demo-clerk1"] ?? "system")
        }
    }

    /// The demo's staff accounts, one per role, all with `password`.
    static let password = "quorum-demo-2026"
    static let accounts: [(username: String, name: String, role: StaffRole, level: DivisionLevel?)] = [
        ("demo-committee", "阳光花园业主委员会", .committee, .estate),
        ("demo-clerk1", "录入员 张", .clerk, .estate),
        ("demo-clerk2", "录入员 李", .clerk, .estate),
        ("demo-property", "阳光物业服务有限公司", .property, .estate),
        ("demo-street", "八大峡街道办事处", .street, .street),
        ("demo-bureau", "市南区住房和城乡建设局", .bureau, .district),
    ]

    static func prepareAccounts(_ store: Store, estate: Int64) async throws {
        let above = try await store.register.ancestors(of: estate)
        for account in accounts {
            let division = account.level == .estate ? estate : above.first { $0.level == account.level }?.id
            do {
                try await store.staff.add(
                    username: account.username, displayName: account.name, password: password, role: account.role, division: division,
                    passwordCost: 10)
            } catch StaffError.usernameTaken {
                continue
            }
        }
    }

    static func instructions(host: String, port: Int) -> String {
        """

        演示小区 Demo estate: \(DemoEstate.name), with an open vote.
        Sign in as a demo owner at http://\(host):\(port)\(SiteURL.bind)
          姓名 name: \(DemoEstate.owner.name)    证件号码 ID number: \(DemoEstate.owner.idNumber)   (owns two flats: one vote)
          or co-owner \(DemoEstate.coOwners[0].name) / \(DemoEstate.coOwners[0].idNumber) (one shared vote with \(DemoEstate.coOwners[1].name) / \(DemoEstate.coOwners[1].idNumber))
        The one-time code is shown on the page in demo mode (and in this log).

        Organisers sign in at http://\(host):\(port)\(SiteURL.staffLogin) (password for all: \(password)):
          demo-committee (业主委员会: sets votes up, publishes)  demo-clerk1 / demo-clerk2 (计票人: the vote's two named clerks, paper ballots)
          demo-property (物业)  demo-street (街道办)  demo-bureau (住建局)
        In demo mode the vote page has a clock to move time forward (15-day notice, the deadline, the objection period).
        After the preliminary result an owner can object to a matter on the result page; demo-committee answers, demo-street sees every open one.
        """
    }
}

// swift-format-ignore: AvoidRetroactiveConformances
extension Logger.Level: @retroactive ExpressibleByArgument {}
