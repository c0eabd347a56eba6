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
            entries of the vote are the same set, with the same choices. With --head SIZE:ROOT (copied from \
            a notice), also that the log begins with exactly the entries under that head (an RFC 9162 \
            consistency proof to the first signed head at or after it). Exits 0 when all holds; \
            otherwise names the first bad entry or head on standard error and exits 65. An export \
            whose last entries no signed head covers fails too, unless --allow-unsigned-tail. \
            Without LOG, verifies the log stored in the database (--database), stored leaf hashes \
            included (its newest entries may wait for their head: a note says how many).
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

    @Option(
        name: .customLong("head"),
        help:
            "A head copied from a notice, SIZE:ROOT (the root in hex as printed, spaces allowed if quoted, or base64): the log must be consistent with it."
    )
    var head: String?

    @Flag(help: "Accept an export whose last entries no signed head covers yet (nothing proves them).")
    var allowUnsignedTail = false

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let expectedKey = try publicKey.map(Self.readKey)
        let ballotBytes = try ballots.map(readFile)
        let copied = try head.map(Self.readHead)
        let result: Result<LogSummary, LogProblem>
        let verifier: LogVerifier?
        let name: String
        if let log {
            (result, verifier) = await LogExport.verify(
                try readFile(log), expectedKey: expectedKey, collectingBallots: ballots != nil, copied: copied)
            name = log
        } else {
            (result, verifier) = try await options.withStore { store in
                let checked = try await store.log.verify(expectedKey: expectedKey, collectingBallots: ballots != nil, copied: copied)
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
        if log != nil, summary.unsignedEntries > 0, !allowUnsignedTail {
            Terminal.standardError(Words.unsignedTail(name, entries: summary.unsignedEntries))
            throw Exit.badData
        }
        var report = Words.say(summary) + "\n"
        if let copied { report += Words.copiedHolds(copied) + "\n" }
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

    /// A head as copied from a notice.
    static func readHead(_ text: String) throws -> CopiedHead {
        guard let head = CopiedHead(text: text) else {
            Terminal.standardError(
                "--head: 应为“条目数:根哈希”，根哈希为公告上的 64 位十六进制 / expected SIZE:ROOT, the root as the 64 hex digits on the notice")
            throw ExitCode.validationFailure
        }
        return head
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
