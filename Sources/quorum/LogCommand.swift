import ArgumentParser

/// `quorum log …`: the audit log (审计日志) kept in the database.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The tamper-evident audit log (审计日志): export it, show its public key.",
        subcommands: [LogExportCommand.self, LogPublicKeyCommand.self]
    )
}
