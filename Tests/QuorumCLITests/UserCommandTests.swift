import Foundation
import Testing

/// `quorum user change` and `quorum purge` as an operator runs them on the server (issue 13,
/// items 2 and 21): the built binary on a real SQLite file, exit codes and what it says.
@Suite struct UserCommandTests {
    func quorum(_ arguments: [String], in folder: URL, password: String? = nil) throws -> TallyCommandTests.Run {
        let database = ["--database", "sqlite:///" + folder.appendingPathComponent("q.sqlite").path]
        return try TallyCommandTests.run(arguments + database, input: password)
    }

    @Test func anAccountIsDisabledEnabledAndResetFromTheCommandLine() throws {
        let folder = try TallyCommandTests.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try quorum(["migrate"], in: folder).status == 0)
        let added = try quorum(["user", "add", "--username", "admin-2", "--name", "管理员", "--role", "admin"], in: folder, password: "long-enough-1")
        #expect(added.status == 0, "\(added.standardError)")
        // act and check: disable, enable; a reset with too short a password is refused; then one that is not
        #expect(try quorum(["user", "change", "admin-2", "--disable"], in: folder).status == 0)
        let enabled = try quorum(["user", "change", "admin-2", "--enable"], in: folder)
        #expect(enabled.status == 0 && String(decoding: enabled.standardOutput, as: UTF8.self).contains("admin-2 (enable)"))
        let weak = try quorum(["user", "change", "admin-2", "--reset"], in: folder, password: "short")
        #expect(weak.status != 0 && weak.standardError.contains("密码"))
        #expect(try quorum(["user", "change", "admin-2", "--reset"], in: folder, password: "temporary-2026").status == 0)
        let nobody = try quorum(["user", "change", "nobody", "--disable"], in: folder)
        #expect(nobody.status != 0 && !nobody.standardError.isEmpty)
        // The purge, counting only: each kind of data on its own line.
        let purge = try quorum(["purge", "--dry-run"], in: folder)
        let lines = String(decoding: purge.standardOutput, as: UTF8.self).split(separator: "\n")
        #expect(
            purge.status == 0 && lines.first == "将删除 / would erase:" && lines.contains("  staff_sessions: 0") && lines.contains("  former_owners: 0"))
    }
}
