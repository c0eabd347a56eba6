import ArgumentParser
import QuorumCore
import QuorumStore

/// `quorum purge`: erase personal data past its time (docs/SECURITY.md "Personal data over time").
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Erase personal data past its time (删除超过保存期限的个人信息).",
        discussion: """
            Expired sessions and sign-in codes, sign-in failures and used credentials \(Retention.transientDays) days after they \
            expire; outbox texts after \(Retention.outboxDays) days; a confirmed phone change's sealed phone after \
            \(Retention.transientDays) days; a former owner's name, phone and ID mask \(Retention.formerOwnerDays) days after \
            they left the register, once no vote kept (until \(Retention.voteRecordDays) days after its final result) froze \
            them. Run it daily (cron or a systemd timer). --dry-run counts only.
            """)

    @OptionGroup var options: DatabaseOptions
    @Flag(help: "Count what would be erased, erase nothing (只统计，不删除).") var dryRun = false

    func run() async throws {
        try await options.withStore { store in
            _ = try await store.migrate()
            let counts = try await store.purge(dryRun: dryRun)
            let lines = counts.items.map { "  \($0.what): \($0.count)\n" }.joined()
            Terminal.standardOutput((dryRun ? "将删除 / would erase:\n" : "已删除 / erased:\n") + lines)
        }
    }
}
