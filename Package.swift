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
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        // The domain: register, voting persons, rules, tally, audit-log maths. Pure, no I/O.
        .target(name: "QuorumCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Persistence (issue 3 fills it).
        .target(name: "QuorumStore", dependencies: ["QuorumCore"]),
        // The HTTP app.
        .target(
            name: "QuorumWeb",
            dependencies: [
                "QuorumCore",
                "QuorumStore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "quorum",
            dependencies: [
                "QuorumCore",
                "QuorumStore",
                "QuorumWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Figures anyone can rerun: `swift run -c release quorum-bench`.
        .executableTarget(name: "quorum-bench", dependencies: ["QuorumCore"]),
        .testTarget(
            name: "QuorumCoreTests",
            dependencies: [
                "QuorumCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "QuorumWebTests",
            dependencies: [
                "QuorumWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "QuorumCLITests", dependencies: ["QuorumCore"]),
    ],
    swiftLanguageModes: [.v6]
)
