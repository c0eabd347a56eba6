import Foundation
import QuorumCore
import QuorumStore
import Testing

/// `quorum books import` as a clerk runs it (issue 14, item 4): the built binary on a real
/// SQLite file; a bad statement is refused with every bad line named, in Chinese and English.
@Suite struct BooksCommandTests {
    @Test func aStatementIsImportedAndABadOneRefusedWithItsLinesNamed() async throws {
        let statement = "date,description,income,expense,balance,reference\n2026-01-05,租金,1200.00,,1300.00,R1\n2026-01-06,利息,0.50,,1300.50,R2\n"
        let bad = "date,description,income,expense,balance,reference\n2026-01-05,租金,1200.005,,1300.00,R1\n2026-01-06,利息,0.50,,1300.51,R1\n"
        let folder = try TallyCommandTests.folder(["registry.csv": TallyCommandTests.registry, "jan.csv": statement, "bad.csv": bad])
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = "sqlite:///" + folder.appendingPathComponent("q.sqlite").path
        func quorum(_ arguments: [String]) throws -> TallyCommandTests.Run { try TallyCommandTests.run(arguments + ["--database", url]) }
        #expect(try quorum(["migrate"]).status == 0)
        #expect(try quorum(["register", "import", folder.appendingPathComponent("registry.csv").path, "--estate", "天汇广场"]).status == 0)
        let importing = ["books", "import", folder.appendingPathComponent("jan.csv").path, "--estate", "天汇广场", "--account", "public-income"]
        let closed = try quorum(importing)
        #expect(closed.status != 0 && closed.standardError.contains("not open"))
        // two people open the account with ¥100.00 (the web does this; here the store)
        let database = try DatabaseURL(url)
        let keys = try await KeyFile.resolve(for: database, file: nil, environment: [:])
        let store = try await Store.open(database, secret: keys.secret, logKey: keys.logKey)
        let estate = try #require(try await store.register.findEstate(EstatePath(estate: "天汇广场")))
        let opening = try await store.books.openAccount(
            LedgerAccount(.publicIncome), estate: estate.id, opening: Money(fen: 10_000), date: "2026-01-01", by: "p1")
        _ = try await store.books.review(opening.entry.id, estate: estate.id, .approve, by: "c1")
        try await store.close()
        // act: the bad file, then the good one
        let refused = try quorum(["books", "import", folder.appendingPathComponent("bad.csv").path, "--estate", "天汇广场", "--account", "public-income"])
        #expect(refused.status == 65)
        let lines = refused.standardError.split(separator: "\n")
        #expect(lines.count == 4, "\(refused.standardError)")
        #expect(lines[0].hasSuffix("bad.csv:2: income (收入金额): 金额最多两位小数：“1200.005” / an amount has at most 2 decimals: \"1200.005\""))
        #expect(lines[1].contains(":3: reference (流水号): 流水号与第 2 行重复 / the reference repeats line 2's"))
        #expect(lines[2].contains(":3: balance (余额): 余额与第 2 行的余额不符，应为 1300.50 / the balance does not follow from line 2's balance"))
        #expect(lines[3] == "共 3 处错误，流水未导入，数据库未改动。/ 3 error(s): nothing was imported.")
        let imported = try quorum(importing)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(String(decoding: imported.standardOutput, as: UTF8.self).hasPrefix("天汇广场 public-income: 已导入 2 笔，匹配 0 笔，余额 1300.50 / imported 2 rows"))
        let again = try quorum(importing)
        #expect(again.status == 65 && again.standardError.contains("流水号已导入过 / the reference was imported before"))
        let unknown = try quorum(["books", "import", "x.csv", "--estate", "天汇广场", "--account", "cash"])
        #expect(unknown.status != 0 && unknown.standardError.contains("unknown account"))
    }
}
