import ArgumentParser
import Foundation
import QuorumCore
import QuorumStore

/// `quorum verify LOG`: check an exported audit log end to end, as any owner or auditor can.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify an exported audit log end to end (核验审计日志).",
        discussion: """
            Recomputes every leaf hash, checks every signed head's signature and root and the \
            consistency of each head with the one before. With --ballots, also checks that the \
            counted ballots (ballots.csv with log_index and salt columns) and the log's ballot \
            entries of the vote are the same set, with the same choices. Exits 0 when all holds; \
            otherwise names the first bad entry or head on standard error and exits 65. Without \
            LOG, verifies the log stored in the database (--database), stored leaf hashes included.
            """
    )

    @Argument(help: "The exported log (log.jsonl, from `quorum log export` or the result page).")
    var log: String?

    @Option(help: "The counted ballots (ballots.csv with log_index and salt columns).")
    var ballots: String?

    @Option(name: .customLong("public-key"), help: "The log's public key as published (PEM file, or base64), to compare.")
    var publicKey: String?

    @Option(help: "The vote the ballots are of (default: that of the first ballot).")
    var vote: String?

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let expectedKey = try publicKey.map(Self.readKey)
        let ballotBytes = try ballots.map(readFile)
        let result: Result<LogSummary, LogProblem>
        let verifier: LogVerifier?
        let name: String
        if let log {
            (result, verifier) = await LogExport.verify(try readFile(log), expectedKey: expectedKey, collectingBallots: ballots != nil)
            name = log
        } else {
            (result, verifier) = try await options.withStore { store in
                let checked = try await store.log.verify(expectedKey: expectedKey, collectingBallots: ballots != nil)
                return (checked.result, checked.verifier)
            }
            name = "database 数据库"
        }
        let summary: LogSummary
        switch result {
        case .success(let value): summary = value
        case .failure(let problem):
            Terminal.standardError(Words.say(problem, in: name))
            throw Exit.badData
        }
        var report = Words.say(summary) + "\n"
        if let ballots, let ballotBytes, let verifier {
            switch LogBallots.check(csv: ballotBytes, file: ballots, log: verifier, vote: vote) {
            case .success(let count):
                report += "计票的 \(count) 张表决票与日志中的表决票条目一一对应 / the \(count) counted ballots and the log's ballot entries are the same set\n"
            case .failure(let problem):
                Terminal.standardError(Words.say(problem, in: ballots))
                throw Exit.badData
            }
        }
        if let key = verifier?.key { report += "公钥指纹 / key id: \(key.keyID)\n" }
        Terminal.standardOutput(report)
    }

    /// A key as published: a PEM or text file, or the key itself on the command line.
    static func readKey(_ text: String) throws -> LogPublicKey {
        let content = FileManager.default.contents(atPath: text).map { String(decoding: $0, as: UTF8.self) } ?? text
        guard let key = LogPublicKey(text: content) else {
            Terminal.standardError("--public-key: 不是 Ed25519 公钥 / not an Ed25519 public key (PEM, or base64 of 32 bytes)")
            throw ExitCode.validationFailure
        }
        return key
    }
}
