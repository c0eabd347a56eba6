import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// Bank statements on both databases (issue 14, item 4): imported whole with one log entry,
/// or refused whole with every bad line named and nothing written; matched to the entries.
@Suite struct StatementImportTests {
    let books = BooksStoreTests()

    static let file = """
        交易日期,摘要,收入金额,支出金额,余额,对方户名,流水号
        2026-01-05,广告位租金 1月,1200.00,,2200.00,某某传媒有限公司,R1
        2026-01-12,公共区域保洁耗材,,230.00,1970.00,某某物业服务有限公司,R2
        2026/1/31,利息,3.21,,1973.21,,R3
        """

    func kinds(_ store: Store) async throws -> [String] { try await books.organiser.logKinds(store) }

    @Test(arguments: TestDatabase.available)
    func aStatementFollowsFromTheBalanceBeforeItAndIsMatchedToTheEntries(_ database: TestDatabase) async throws {
        try await books.withBooks(database) { store, estate in
            // the clerk recorded the expense two days after the bank's date, and an advertising income of another amount
            let cleaning = try await store.books.record(BooksStoreTests.expense(23_000, date: "2026-01-14"), estate: estate, by: "p1")
            var advertising = BooksStoreTests.expense(120_001, date: "2026-01-05", party: "")
            advertising.kind = .income
            let ads = try await store.books.record(advertising, estate: estate, by: "p1")
            for entry in [cleaning, ads] { _ = try await store.books.review(entry.entry.id, estate: estate, .approve, by: "c1") }
            let before = try await kinds(store).count
            // act
            let result = try await store.books.importStatement(
                Array(Self.file.utf8), file: "jan.csv", estate: estate, account: .publicIncome, by: "p1")
            // check: one log entry for the file, its hashes in it
            #expect(result.rows == 3 && result.matched == 1 && result.closing == Money(fen: 197_321))
            #expect(result.fileSHA256 == sha256Hex(Self.file))
            #expect(try await kinds(store).dropFirst(before) == ["statement_imported"])
            #expect(try await store.books.unmatchedRows(estate: estate).map(\.row.reference) == ["R1", "R3"])
            #expect(try await store.books.unmatchedEntries(estate: estate).map(\.entry.id) == [ads.entry.id])
            // the advertising entry is corrected to the bank's amount: the reversal and the new entry match
            let reversal = try await store.books.reverse(ads.entry.id, estate: estate, date: "2026-01-06", description: "金额有误", by: "p1")
            advertising.amount = Money(fen: 120_000)
            let fixed = try await store.books.record(advertising, estate: estate, by: "p1")
            for entry in [reversal, fixed] { _ = try await store.books.review(entry.entry.id, estate: estate, .approve, by: "c1") }
            #expect(try await store.books.reconcile(estate: estate, account: .publicIncome) == 1)
            #expect(try await store.books.unmatchedRows(estate: estate).map(\.row.reference) == ["R3"])
            #expect(try await store.books.unmatchedEntries(estate: estate).isEmpty, "the entry and its reversal cancel out")
            // the next month follows from the last row; a reference imported before is refused
            let next = "date,description,income,expense,balance,reference\n2026-02-01,a,1.00,,1974.21,R4\n2026-02-02,b,1.00,,1975.21,R3\n"
            await #expect(throws: InputErrors.self) {
                try await store.books.importStatement(Array(next.utf8), file: "feb.csv", estate: estate, account: .publicIncome, by: "p1")
            }
            // a workbook's sheet, read as CSV: the log keeps the SHA-256 of the workbook as uploaded
            let february = try await store.books.importStatement(
                Array(next.replacingOccurrences(of: "R3", with: "R5").utf8), file: "feb.xlsx", estate: estate, account: .publicIncome,
                original: Array("the workbook".utf8), by: "p1")
            #expect(february.closing == Money(fen: 197_521) && february.fileSHA256 == sha256Hex("the workbook"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aBadStatementIsRefusedWholeWithEveryBadLineAndNothingWritten(_ database: TestDatabase) async throws {
        try await books.withBooks(database) { store, estate in
            let before = try await kinds(store).count
            let bad = Self.file.replacingOccurrences(of: "1970.00", with: "1970.01").replacingOccurrences(of: ",R3", with: ",R1")
            do {
                _ = try await store.books.importStatement(Array(bad.utf8), file: "jan.csv", estate: estate, account: .publicIncome, by: "p1")
                Issue.record("a bad statement was imported")
            } catch let errors as InputErrors {
                #expect(errors.errors.map(\.line) == [3, 4, 4])
                #expect(
                    errors.errors.map(\.problem) == [
                        .balanceDoesNotFollow(expected: "1970.00", previousLine: 2), .duplicateReference(firstLine: 2),
                        .balanceDoesNotFollow(expected: "1973.22", previousLine: 3),
                    ])
            }
            #expect(try await kinds(store).count == before)
            #expect(try await store.books.unmatchedRows(estate: estate).isEmpty)
            // the good file then imports from the same balance
            #expect(
                try await store.books.importStatement(Array(Self.file.utf8), file: "jan.csv", estate: estate, account: .publicIncome, by: "p1").rows
                    == 3)
            // a header alone is refused too
            await #expect(throws: InputErrors.self) {
                try await store.books.importStatement(
                    Array("date,description,income,expense,balance,reference\n".utf8), file: "x.csv", estate: estate, account: .publicIncome, by: "p1"
                )
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func aStatementNeedsAnOpenAccountWithAnApprovedOpeningBalance(_ database: TestDatabase) async throws {
        try await books.withBooks(database) { store, estate in
            await #expect(throws: BooksError.noSuchAccount) {
                try await store.books.importStatement(Array(Self.file.utf8), file: "jan.csv", estate: estate, account: .maintenanceFund, by: "p1")
            }
            _ = try await store.books.openAccount(
                LedgerAccount(.maintenanceFund), estate: estate, opening: Money(fen: 100_000), date: "2026-01-01", by: "p1")
            await #expect(throws: BooksError.openingNotApproved) {
                try await store.books.importStatement(Array(Self.file.utf8), file: "jan.csv", estate: estate, account: .maintenanceFund, by: "p1")
            }
        }
    }
}
