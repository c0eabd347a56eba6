import Foundation
import Testing

@testable import QuorumCore

/// The shared worked cases (../shared beside the project; CI always has it). Without it
/// these tests are skipped, and say so.
@Suite struct ConformanceTests {
    static let shared: URL = {
        if let path = ProcessInfo.processInfo.environment["QUORUM_SHARED"] { return URL(fileURLWithPath: path) }
        // Tests/QuorumCoreTests/Voting/ConformanceTests.swift → the package root → ../shared
        return URL(fileURLWithPath: #filePath).appendingPathComponent("../../../../../shared").standardized
    }()

    static let sharedIsPresent = FileManager.default.fileExists(atPath: shared.appendingPathComponent("domain/vectors").path)

    /// Every folder that holds registry.csv, matters.json, ballots.csv and expected-tally.json.
    static var cases: [String] {
        guard sharedIsPresent else { return [] }
        var found: [String] = []
        for root in ["domain/vectors", "data"] {
            let folder = shared.appendingPathComponent(root)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted()
            where FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name)/expected-tally.json").path) {
                found.append("\(root)/\(name)")
            }
        }
        return found
    }

    @Test(
        .enabled(if: sharedIsPresent, "skipped: ../shared is not beside the project (CI has it)"),
        arguments: cases)
    func recountEqualsTheExpectedTally(folder: String) throws {
        // setup
        let directory = Self.shared.appendingPathComponent(folder)
        func bytes(_ name: String) throws -> (name: String, bytes: [UInt8]) {
            (name, Array(try Data(contentsOf: directory.appendingPathComponent(name))))
        }
        let expected = try Data(contentsOf: directory.appendingPathComponent("expected-tally.json"))
        // act
        let result = try Recount.run(
            RecountFiles(registry: bytes("registry.csv"), matters: bytes("matters.json"), ballots: bytes("ballots.csv")))
        let produced = Data(result.json.rendered().utf8)
        // check: figure for figure (as parsed JSON), and byte for byte
        let parsedExpected = try JSONSerialization.jsonObject(with: expected) as? NSDictionary
        let parsedProduced = try JSONSerialization.jsonObject(with: produced) as? NSDictionary
        #expect(parsedProduced == parsedExpected)
        #expect(String(decoding: produced, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test(.enabled(if: sharedIsPresent, "skipped: ../shared is not beside the project (CI has it)"))
    func theSharedCasesAreFound() {
        #expect(Self.cases.contains("data/sample-community"))
        #expect(Self.cases.contains("domain/vectors/small-mixed"))
    }
}
