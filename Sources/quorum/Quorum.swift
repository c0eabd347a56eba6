import ArgumentParser

/// `quorum`: run the site, recount a vote, manage the register.
@main
struct Quorum: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorum",
        abstract: "Quorum — owners' votes under Civil Code Art. 278 (业主共同决定，按面积与人数双过半计票).",
        subcommands: [
            Serve.self, Migrate.self, RegisterCommand.self, DivisionsCommand.self, FacilitiesCommand.self, BooksCommand.self, UserCommand.self,
            TallyCommand.self, VerifyCommand.self, LogCommand.self, BackupCommand.self, RestoreCommand.self, PurgeCommand.self,
        ]
    )
}
