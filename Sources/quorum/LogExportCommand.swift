import ArgumentParser
import Foundation
import QuorumStore

/// `quorum log export > log.jsonl`: the whole log, for `quorum verify` anywhere.
struct LogExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the audit log as JSON Lines on standard output (导出审计日志).",
        discussion: "The format is docs/AUDIT-LOG.md's: a header with the public key, every entry, every signed head.")

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let file = FileHandle(forWritingAtPath: output) else {
                Terminal.standardError("\(output): cannot be written 无法写入")
                throw Exit.noInput
            }
            handle = file
        } else {
            handle = FileHandle.standardOutput
        }
        try await options.withStore { store in
            try await store.log.export { handle.write(Data($0.utf8)) }
        }
        if output != nil { try handle.close() }
    }
}
