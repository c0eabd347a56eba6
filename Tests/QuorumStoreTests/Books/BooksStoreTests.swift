import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// The estate's books on both databases (issue 14): two people for every entry, balances from
/// approved entries only, reversals, documents, the missing-receipt list, each change logged.
@Suite struct BooksStoreTests {
    let organiser = OrganiserTests()

    /// An estate whose public income is open with ¥1,000.00, approved by the committee.
    func withBooks(_ database: TestDatabase, _ body: (Store, Int64) async throws -> Void) async throws {
        try await organiser.withEstate(database) { store, estate, _ in
            let opening = try await store.books.openAccount(
                LedgerAccount(.publicIncome), estate: estate, opening: Money(fen: 100_000), date: "2026/1/1", by: "p1")
            _ = try await store.books.review(opening.entry.id, estate: estate, .approve, by: "c1")
            try await body(store, estate)
        }
    }

    static func expense(_ fen: Int64, date: String = "2026-01-12", party: String = "某某物业服务有限公司") -> LedgerEntry {
        LedgerEntry(
            id: "", account: LedgerAccount(.publicIncome), kind: .expense, amount: Money(fen: fen), category: "保洁", counterparty: party, date: date,
            description: "公共区域保洁耗材")
    }

    func balance(_ store: Store, _ estate: Int64) async throws -> Int64? {
        try await store.books.balances(estate: estate).first { $0.account.kind == .publicIncome }?.balance.fen
    }

    @Test(arguments: TestDatabase.available)
    func anEntryCountsOnlyOnceAnotherPersonApprovesIt(_ database: TestDatabase) async throws {
        try await withBooks(database) { store, estate in
            #expect(try await balance(store, estate) == 100_000)
            let entry = try await store.books.record(Self.expense(23_000), estate: estate, by: "p1")
            #expect(entry.state == .recorded && entry.entry.id.hasPrefix("E"))
            #expect(try await balance(store, estate) == 100_000, "pending entries do not count")
            await #expect(throws: BooksError.recorderMayNotReview) {
                try await store.books.review(entry.entry.id, estate: estate, .approve, by: "p1")
            }
            await #expect(throws: BooksError.textRequired) { try await store.books.review(entry.entry.id, estate: estate, .reject, by: "c1") }
            // sent back with a question, answered, approved
            let asked = try await store.books.review(entry.entry.id, estate: estate, .ask, reason: "发票在哪里？", by: "c1")
            #expect(asked.state == .needsInformation && asked.reason == "发票在哪里？")
            await #expect(throws: BooksError.notInState(.needsInformation)) {
                try await store.books.review(entry.entry.id, estate: estate, .approve, by: "c1")
            }
            await #expect(throws: BooksError.notTheRecorder) { try await store.books.resubmit(entry.entry.id, estate: estate, answer: "x", by: "c1") }
            let answered = try await store.books.resubmit(entry.entry.id, estate: estate, answer: "已补", by: "p1")
            #expect(answered.state == .recorded && answered.answer == "已补")
            let approved = try await store.books.review(entry.entry.id, estate: estate, .approve, by: "c2")
            #expect(approved.state == .approved && approved.reviewedBy == "c2")
            #expect(try await balance(store, estate) == 77_000)
            // a rejected entry never counts, and the reason is kept
            let wrong = try await store.books.record(Self.expense(5_000), estate: estate, by: "p1")
            let rejected = try await store.books.review(wrong.entry.id, estate: estate, .reject, reason: "重复录入", by: "c1")
            #expect(try await store.books.entry(wrong.entry.id, estate: estate) == rejected)
            #expect(rejected.reason == "重复录入")
            #expect(try await balance(store, estate) == 77_000)
            // another estate sees none of it
            #expect(try await store.books.entry(wrong.entry.id, estate: estate + 1) == nil)
            #expect(try await store.books.entries(estate: estate).map(\.entry.kind) == [.expense, .expense, .opening])
            #expect(try await store.books.entries(estate: estate, state: .approved, limit: 1, offset: 1).map(\.entry.kind) == [.opening])
            let kinds = try await organiser.logKinds(store).filter { $0.hasPrefix("entry_") }
            #expect(
                kinds == [
                    "entry_recorded", "entry_reviewed", "entry_recorded", "entry_reviewed", "entry_reviewed", "entry_reviewed",
                    "entry_recorded", "entry_reviewed",
                ])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aCorrectionIsAReversingEntryReviewedAsAnyOther(_ database: TestDatabase) async throws {
        try await withBooks(database) { store, estate in
            let entry = try await store.books.record(Self.expense(23_000), estate: estate, by: "p1")
            await #expect(throws: BooksError.cannotReverse) {
                try await store.books.reverse(entry.entry.id, estate: estate, date: "2026-01-13", description: "", by: "p1")
            }
            _ = try await store.books.review(entry.entry.id, estate: estate, .approve, by: "c1")
            let reversal = try await store.books.reverse(entry.entry.id, estate: estate, date: "2026-01-13", description: "录错金额", by: "p1")
            #expect(reversal.entry.corrects == entry.entry.id && reversal.entry.amount == Money(fen: 23_000))
            await #expect(throws: BooksError.cannotReverse) {
                try await store.books.reverse(entry.entry.id, estate: estate, date: "2026-01-13", description: "", by: "p1")
            }
            #expect(try await balance(store, estate) == 77_000)
            _ = try await store.books.review(reversal.entry.id, estate: estate, .approve, by: "c1")
            #expect(try await balance(store, estate) == 100_000)
            await #expect(throws: BooksError.cannotReverse) {
                try await store.books.reverse(reversal.entry.id, estate: estate, date: "2026-01-13", description: "", by: "p1")
            }
            // the original is untouched
            #expect(try await store.books.entry(entry.entry.id, estate: estate)?.entry == entry.entry)
        }
    }

    @Test(arguments: TestDatabase.available)
    func accountsOpenOnceWithAnOpeningBalanceAndTheServiceFundOnlyWhereTheFeesAreTheOwners(_ database: TestDatabase) async throws {
        try await withBooks(database) { store, estate in
            await #expect(throws: BooksError.accountExists) {
                try await store.books.openAccount(LedgerAccount(.publicIncome), estate: estate, opening: .zero, date: "2026-01-01", by: "p1")
            }
            await #expect(throws: BooksError.noServiceFund) {
                try await store.books.openAccount(LedgerAccount(.propertyServiceFund), estate: estate, opening: .zero, date: "2026-01-01", by: "p1")
            }
            await #expect(throws: BooksError.noSuchAccount) {
                try await store.books.openAccount(
                    LedgerAccount(.maintenanceFund, unit: "U1"), estate: estate, opening: .zero, date: "2026-01-01", by: "p1")
            }
            var onFund = Self.expense(100)
            onFund.account = LedgerAccount(.maintenanceFund)
            await #expect(throws: BooksError.noSuchAccount) { try await store.books.record(onFund, estate: estate, by: "p1") }
            _ = try await store.books.openAccount(
                LedgerAccount(.propertyServiceFund), estate: estate, opening: .zero, date: "2026-01-01", feeModel: .trust, by: "p1")
            let fund = try await store.books.openAccount(
                LedgerAccount(.maintenanceFund), estate: estate, opening: Money(fen: 5), date: "20260101", by: "c1")
            #expect(fund.entry.date == "2026-01-01")
            #expect(
                try await store.books.balances(estate: estate).map { "\($0.account)=\($0.balance)" } == [
                    "maintenance-fund=0.00", "property-service-fund=0.00", "public-income=1000.00",
                ])
            await #expect(throws: BooksError.amountNotPositive) { try await store.books.record(Self.expense(0), estate: estate, by: "p1") }
            await #expect(throws: BooksError.badDate("2026-02-30")) {
                try await store.books.record(Self.expense(1, date: "2026-02-30"), estate: estate, by: "p1")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func anApprovedExpenseWithoutADocumentIsAMissingReceipt(_ database: TestDatabase) async throws {
        try await withBooks(database) { store, estate in
            let first = try await store.books.record(Self.expense(23_000), estate: estate, by: "p1")
            let second = try await store.books.record(Self.expense(1_000), estate: estate, by: "p1")
            var income = Self.expense(500)
            income.kind = .income
            let third = try await store.books.record(income, estate: estate, by: "p1")
            for entry in [first, second, third] { _ = try await store.books.review(entry.entry.id, estate: estate, .approve, by: "c1") }
            #expect(try await store.books.missingReceipts(estate: estate).map(\.entry.id) == [first.entry.id, second.entry.id].sorted())
            let receipt = try DocumentFile(Array("%PDF-1.7 receipt".utf8))
            let attached = try await store.books.attach(receipt, named: "发票.pdf", to: first.entry.id, estate: estate, by: "p1")
            #expect(attached.number == 1 && attached.sha256 == receipt.sha256)
            #expect(try await store.books.missingReceipts(estate: estate).map(\.entry.id) == [second.entry.id])
            #expect(try await store.documents.list(of: first.subject).map(\.name) == ["发票.pdf"])
            await #expect(throws: BooksError.noSuchEntry) {
                try await store.books.attach(receipt, named: "x.pdf", to: "E0", estate: estate, by: "p1")
            }
            #expect(try await organiser.logKinds(store).last == "entry_documented")
        }
    }
}
