// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Quorum",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quorum", targets: ["quorum"]),
        .library(name: "QuorumCore", targets: ["QuorumCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.24.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // The domain: register, voting persons, rules, tally, audit-log maths. Pure, no I/O.
        // Excel workbooks (Formats/Workbook.swift) are read with ZIPFoundation and Foundation's XMLParser.
        .target(
            name: "QuorumCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto"), .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Persistence: the same migrations and queries on SQLite and PostgreSQL.
        .target(
            name: "QuorumStore",
            dependencies: [
                "QuorumCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        // The HTTP app.
        .target(
            name: "QuorumWeb",
            dependencies: [
                "QuorumCore",
                "QuorumStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                // The request timeouts' channel handler (App/RequestTimeouts.swift).
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "quorum",
            dependencies: [
                "QuorumCore",
                "QuorumStore",
                "QuorumWeb",
                "QuorumSynthetic",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The load generator: a synthetic population of signed-in owners, and ballots cast over
        // HTTP flat out or at a fixed rate (docs/PERFORMANCE.md). Never deployed.
        .executableTarget(
            name: "quorum-load",
            dependencies: [
                "QuorumCore", "QuorumStore", "QuorumSynthetic", "QuorumWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Figures anyone can rerun: `swift run -c release quorum-bench`.
        .executableTarget(name: "quorum-bench", dependencies: ["QuorumCore", "QuorumSynthetic"]),
        // Made-up registers of any size, for the store's tests and benchmark.
        .target(name: "QuorumSynthetic"),
        // The audit log: appends, proofs, verifying a million entries: `swift run -c release quorum-log-bench`.
        .executableTarget(
            name: "quorum-log-bench",
            dependencies: ["QuorumCore", "QuorumStore", .product(name: "SQLKit", package: "sql-kit")]
        ),
        // Test fixtures (a log with a known receipt) for the web and browser tests; never deployed.
        .target(name: "QuorumFixtures", dependencies: ["QuorumCore", "QuorumStore"]),
        .executableTarget(name: "quorum-fixtures", dependencies: ["QuorumCore", "QuorumStore", "QuorumFixtures"]),
        // A whole city's register into SQLite and PostgreSQL: `swift run -c release quorum-store-bench`.
        .executableTarget(
            name: "quorum-store-bench",
            dependencies: ["QuorumCore", "QuorumStore", "QuorumSynthetic", .product(name: "SQLKit", package: "sql-kit")]
        ),
        // The test kit every test target shares: the per-test database on SQLite and PostgreSQL,
        // one test clock, one recording message sender, one app under test, a capturing log handler.
        .target(
            name: "QuorumTestSupport",
            dependencies: [
                "QuorumCore", "QuorumStore", "QuorumWeb", .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/QuorumTestSupport"),
        .testTarget(
            name: "QuorumCoreTests",
            dependencies: [
                "QuorumCore",
                "QuorumSynthetic",
                .product(name: "PropertyBased", package: "swift-property-based"),
                // To build workbooks part by part for the reader's tests.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "QuorumWebTests",
            dependencies: [
                "QuorumWeb",
                "QuorumCore",
                "QuorumStore",
                "QuorumFixtures",
                "QuorumSynthetic",
                "QuorumTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["Layout/Snapshots", "App/Fixtures"]
        ),
        .testTarget(name: "QuorumCLITests", dependencies: ["QuorumCore", "QuorumStore"]),
        // Every test runs on SQLite, and on PostgreSQL too when QUORUM_TEST_POSTGRES_URL is set.
        .testTarget(
            name: "QuorumStoreTests",
            dependencies: [
                "QuorumCore", "QuorumStore", "QuorumSynthetic", "QuorumTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
