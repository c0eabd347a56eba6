import ArgumentParser
import QuorumStore

/// `quorum migrate`: create or update the database's tables.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or update the database tables (初始化或升级数据库).",
        discussion: "Safe to run again: migrations already applied are skipped. `quorum serve` runs them at start too.")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await options.withStore { store in
            let applied = try await store.migrate()
            Terminal.standardError(
                applied.isEmpty
                    ? "数据库已是最新 / the database is up to date (\(store.url))"
                    : "已应用 / applied: \(applied.joined(separator: ", ")) (\(store.url))")
        }
    }
}
