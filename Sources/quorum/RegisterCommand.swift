import ArgumentParser

/// `quorum register …`: the property register (电子投票数据库) kept in the database.
struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Manage the property register in the database (登记册).",
        subcommands: [RegisterImportCommand.self]
    )
}
