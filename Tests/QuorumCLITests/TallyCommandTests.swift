import Foundation
import Synchronization
import Testing

/// `quorum tally` run as a user runs it: the built binary, real files, exit codes and streams.
@Suite struct TallyCommandTests {
    struct Run {
        var status: Int32
        var standardOutput: Data
        var standardError: String
    }

    /// The `quorum` binary SwiftPM built beside this test bundle.
    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("quorum").path) {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("quorum")
    }()

    /// `input`: what the command reads on its standard input (a password it asks for).
    static let launching = Mutex(())

    static func run(_ arguments: [String], input: String? = nil, executable: URL = binary) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let typed = Pipe()
        if input != nil { process.standardInput = typed }
        // One launch at a time: Foundation's Process.run crashed (a bad memmove inside it) when
        // the suites launched the binary from several threads at once.
        try launching.withLock { _ in try process.run() }
        if let input {
            typed.fileHandleForWriting.write(Data((input + "\n").utf8))
            try typed.fileHandleForWriting.close()
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardOutput: outData, standardError: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh folder holding the given files.
    static func folder(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    static let registry = """
        不动产单元号,楼栋,房号,建筑面积,业主姓名,证件号码,业主类型
        A,1,101,100.00,甲,X1,个人
        B,1,102,100.00,乙,X2,个人
        C,1,103,100.00,某某置业,D1,建设单位

        """
    static let matters = """
        { "vote": "测试表决", "matters": [ { "id": "m1", "title": "维修", "item": 5, "kind": "resolution" } ] }
        """
    static let ballots = """
        不动产单元号,事项,表决意见,渠道,接收时间
        A,m1,同意,线上,2024-01-20T10:00:00+08:00
        B,m1,同意,线下,2024-01-20T11:00:00+08:00

        """

    private func arguments(_ directory: URL) -> [String] {
        [
            "tally", "--registry", directory.appendingPathComponent("registry.csv").path,
            "--matters", directory.appendingPathComponent("matters.json").path,
            "--ballots", directory.appendingPathComponent("ballots.csv").path,
        ]
    }

    @Test func printsTallyJSONAndExitsZero() throws {
        // setup
        let directory = try Self.folder(["registry.csv": Self.registry, "matters.json": Self.matters, "ballots.csv": Self.ballots])
        // act
        let run = try Self.run(arguments(directory))
        // check
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        let tally = try #require(try JSONSerialization.jsonObject(with: run.standardOutput) as? [String: Any])
        #expect(tally["vote"] as? String == "测试表决")
        let matter = try #require((tally["matters"] as? [[String: Any]])?.first)
        #expect((matter["participating"] as? [String: Any])?["area"] as? String == "200.00")
        #expect(matter["passed"] as? Bool == true)
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let directory = try Self.folder(["registry.csv": Self.registry, "matters.json": Self.matters, "ballots.csv": Self.ballots])
        let first = try Self.run(arguments(directory))
        let second = try Self.run(arguments(directory))
        #expect(first.standardOutput == second.standardOutput)
        #expect(!first.standardOutput.isEmpty)
    }

    @Test func badInputListsEveryErrorOnStandardErrorAndNothingOnStandardOutput() throws {
        let badRegistry = Self.registry.replacingOccurrences(of: "B,1,102,100.00", with: "B,1,102,-1")
            .replacingOccurrences(of: "建设单位", with: "开发商")
        let badBallots = Self.ballots.replacingOccurrences(of: "A,m1,同意", with: "Z,m1,同意")
        let directory = try Self.folder(["registry.csv": badRegistry, "matters.json": Self.matters, "ballots.csv": badBallots])
        let run = try Self.run(arguments(directory))
        #expect(run.status == 65)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("registry.csv:3: area (建筑面积)"))
        #expect(run.standardError.contains("registry.csv:4: owner_kind (业主类型)"))
        #expect(run.standardError.contains("开发商"))
        #expect(!run.standardError.contains("ballots.csv:2"), "ballots are checked against the register only once it reads")
    }

    @Test func aBallotForAnUnknownUnitIsNamed() throws {
        let badBallots = Self.ballots.replacingOccurrences(of: "A,m1,同意", with: "Z,m1,同意")
        let directory = try Self.folder(["registry.csv": Self.registry, "matters.json": Self.matters, "ballots.csv": badBallots])
        let run = try Self.run(arguments(directory))
        #expect(run.status == 65)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("ballots.csv:2: unit_id (不动产单元号): 登记册中没有单元“Z”"))
    }

    @Test func aMissingFileIsNamed() throws {
        let directory = try Self.folder(["registry.csv": Self.registry, "matters.json": Self.matters])
        let run = try Self.run(arguments(directory))
        #expect(run.status == 66)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("ballots.csv: does not exist"))
    }

    @Test func theSampleCommunityRecountsToItsExpectedTally() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/sample-community")
        try #require(
            FileManager.default.fileExists(atPath: sample.path) || ProcessInfo.processInfo.environment["CI"] == nil,
            "CI must have ../shared")
        guard FileManager.default.fileExists(atPath: sample.path) else {
            print("skipped: ../shared/data/sample-community is not beside the project")
            return
        }
        let run = try Self.run(arguments(sample))
        #expect(run.status == 0)
        #expect(run.standardOutput == (try Data(contentsOf: sample.appendingPathComponent("expected-tally.json"))))
    }
}
