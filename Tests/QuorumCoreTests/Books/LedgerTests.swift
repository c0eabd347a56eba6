import QuorumSynthetic
import Testing

@testable import QuorumCore

@Suite struct LedgerTests {
    @Test(
        arguments: [
            ("0", 0), ("1", 100), ("1.5", 150), ("1234.50", 123_450), ("1,234.50", 123_450), ("12,345,678.09", 1_234_567_809), ("0.01", 1),
            ("999,999.99", 99_999_999),
        ] as [(String, Int64)])
    func yuanAreReadToTheFen(text: String, fen: Int64) {
        #expect(Money.parse(text) == .success(Money(fen: fen)))
    }

    @Test(arguments: [
        ("", Money.ParseError.empty), ("1.234", .tooManyDecimals), ("1.000", .tooManyDecimals), ("-1", .negative), ("-0.5", .negative),
        ("+1", .notANumber), ("abc", .notANumber), ("1.2.3", .notANumber), ("1.", .notANumber), (".5", .notANumber), ("1e3", .notANumber),
        ("1 000", .notANumber), ("12,34.00", .notANumber), ("1234,567", .notANumber), (",123", .notANumber), ("1,,234", .notANumber),
        ("¥12", .notANumber), ("1234567890123456", .notANumber), ("-x", .notANumber),
    ])
    func badYuanAreRefusedWithTheirReason(text: String, error: Money.ParseError) {
        #expect(Money.parse(text) == .failure(error))
    }

    @Test func moneyPrintsWithTwoDecimals() {
        #expect(Money(fen: 123_450).description == "1234.50")
        #expect(Money(fen: -5).description == "-0.05")
        #expect(Money.zero.description == "0.00")
    }

    @Test(arguments: [
        ("2026-03-31", "2026-03-31"), ("2026/3/31", "2026-03-31"), ("2026/03/01", "2026-03-01"), ("20260331", "2026-03-31"),
        ("2024-02-29", "2024-02-29"),
    ])
    func theThreeDateFormsAreRead(text: String, day: String) {
        #expect(BookDate.parse(text) == day)
    }

    @Test(arguments: ["2026-3-31", "2026-02-30", "20261301", "2026/13/1", "2025-02-29", "31/3/2026", "", "2026-03-31x", "２０２６0331"])
    func otherDatesAreRefused(text: String) {
        #expect(BookDate.parse(text) == nil)
    }

    @Test func theChartHasAServiceFundOnlyWhereTheFeesAreTheOwners() {
        let lump = LedgerAccount.chart(units: ["U1", "U2"], feeModel: .lumpSum).map(\.description)
        #expect(lump == ["public-income", "maintenance-fund", "maintenance-fund/U1", "maintenance-fund/U2"])
        for model in [FeeModel.remuneration, .trust] {
            #expect(LedgerAccount.chart(units: [], feeModel: model).map(\.description).last == "property-service-fund")
        }
        #expect(LedgerAccount(code: "maintenance-fund/U1") == LedgerAccount(.maintenanceFund, unit: "U1"))
        #expect(LedgerAccount(code: "public-income/U1") == nil && LedgerAccount(code: "cash") == nil)
        #expect(LedgerAccount(.publicIncome, unit: "U1").unit == nil)
    }

    static func entry(_ kind: EntryKind, _ fen: Int64, id: String = "E1") -> LedgerEntry {
        LedgerEntry(id: id, account: LedgerAccount(.publicIncome), kind: kind, amount: Money(fen: fen), category: "advertising", date: "2026-01-05")
    }

    @Test func everyEntryPostsTwoSidesThatAddUpToZeroAndAReversalUndoesIt() {
        let income = Self.entry(.income, 120_000)
        let expense = Self.entry(.expense, 23_000, id: "E2")
        let opening = Self.entry(.opening, 50_000, id: "E0")
        let reversal = expense.reversal(id: "E3", date: "2026-01-06", description: "typed twice")
        for entry in [income, expense, opening, reversal] { #expect(entry.postings.map(\.amount.fen).reduce(0, +) == 0) }
        #expect(reversal.corrects == "E2" && reversal.signed == Money(fen: 23_000))
        let balances = Ledger.balances([opening, income, expense])
        #expect(balances["public-income"] == Money(fen: 147_000))
        #expect(balances["expense:advertising"] == Money(fen: 23_000) && balances["equity:opening"] == Money(fen: -50_000))
        #expect(Ledger.balances([opening, income, expense, reversal])["public-income"] == Money(fen: 170_000))
    }

    @Test func anEntryIsCheckedBeforeItIsRecorded() throws {
        #expect(throws: BooksError.amountNotPositive) { try Self.entry(.income, 0).checked() }
        #expect(throws: BooksError.amountNotPositive) { try Self.entry(.expense, -1).checked() }
        #expect(try Self.entry(.opening, 0).checked().amount == .zero)
        var entry = Self.entry(.expense, 100)
        entry.category = "  "
        #expect(throws: BooksError.textRequired) { try entry.checked() }
        entry.category = "cleaning"
        entry.date = "2026/1/5"
        #expect(try entry.checked().date == "2026-01-05")
        entry.date = "yesterday"
        #expect(throws: BooksError.badDate("yesterday")) { try entry.checked() }
        entry.date = "2026-01-05"
        entry.description = String(repeating: "字", count: BookText.maximumCharacters + 1)
        #expect(throws: BooksError.badText) { try entry.checked() }
    }

    @Test func theOneWhoRecordsNeverReviewsAndEveryRefusalHasAReason() throws {
        #expect(try EntryReview.decide(.approve, state: .recorded, recorder: "p1", reviewer: "c1", reason: "") == .approved)
        #expect(try EntryReview.decide(.reject, state: .recorded, recorder: "p1", reviewer: "c1", reason: "no invoice") == .rejected)
        #expect(try EntryReview.decide(.ask, state: .recorded, recorder: "p1", reviewer: "c1", reason: "which lift?") == .needsInformation)
        for decision in EntryDecision.allCases {
            #expect(throws: BooksError.recorderMayNotReview) {
                try EntryReview.decide(decision, state: .recorded, recorder: "c1", reviewer: "c1", reason: "x")
            }
            for state in [EntryState.approved, .rejected, .needsInformation] {
                #expect(throws: BooksError.notInState(state)) {
                    try EntryReview.decide(decision, state: state, recorder: "p1", reviewer: "c1", reason: "x")
                }
            }
        }
        for decision in [EntryDecision.reject, .ask] {
            #expect(throws: BooksError.textRequired) {
                try EntryReview.decide(decision, state: .recorded, recorder: "p1", reviewer: "c1", reason: " ")
            }
        }
        #expect(try EntryReview.resubmit(state: .needsInformation, recorder: "p1", actor: "p1") == .recorded)
        #expect(throws: BooksError.notTheRecorder) { try EntryReview.resubmit(state: .needsInformation, recorder: "p1", actor: "c1") }
        #expect(throws: BooksError.notInState(.recorded)) { try EntryReview.resubmit(state: .recorded, recorder: "p1", actor: "p1") }
    }

    @Test func onlyAnApprovedEntryIsReversedAndOnlyOnce() throws {
        let entry = Self.entry(.income, 100)
        try EntryReview.mayReverse(entry, state: .approved, reversed: false)
        #expect(throws: BooksError.cannotReverse) { try EntryReview.mayReverse(entry, state: .approved, reversed: true) }
        #expect(throws: BooksError.cannotReverse) { try EntryReview.mayReverse(entry, state: .recorded, reversed: false) }
        let reversal = entry.reversal(id: "E2", date: "2026-01-06", description: "")
        #expect(throws: BooksError.cannotReverse) { try EntryReview.mayReverse(reversal, state: .approved, reversed: false) }
    }

    @Test func theLargestRemainderSplitIsExactAndBreaksTiesByRegisterOrder() {
        #expect(Split.largestRemainder(Money(fen: 100), weights: [1, 1, 1]) == [34, 33, 33].map { Money(fen: $0) })
        #expect(Split.largestRemainder(Money(fen: 2), weights: [5, 5, 5]) == [1, 1, 0].map { Money(fen: $0) })
        #expect(Split.largestRemainder(Money(fen: 10), weights: [1, 2, 7]) == [1, 2, 7].map { Money(fen: $0) })
        #expect(Split.largestRemainder(Money(fen: 5), weights: [3, 6]) == [2, 3].map { Money(fen: $0) })
        #expect(Split.largestRemainder(Money(fen: -100), weights: [1, 1, 1]) == [-34, -33, -33].map { Money(fen: $0) })
        #expect(Split.largestRemainder(Money(fen: 100), weights: []) == nil)
        #expect(Split.largestRemainder(Money(fen: 100), weights: [1, 0]) == nil)
        // ¥10^15 over the area of a city does not overflow.
        let huge = Split.largestRemainder(Money(fen: 99_999_999_999_999_999), weights: [8_534, 12_000_000_000, 1])
        #expect(huge?.map(\.fen).reduce(0, +) == 99_999_999_999_999_999)
    }

    /// Many random splits from a fixed seed (reruns see the same cases): the parts always add up
    /// to the whole, each is within a fen of its exact share, and a larger area never gets less.
    @Test func everySplitAddsUpToTheFen() {
        var random = SplitMix(seed: 0x5EED_B00C)
        for _ in 0..<3000 {
            let weights = (0..<Int.random(in: 1...60, using: &random)).map { _ in
                Int64.random(in: 1...(Bool.random(using: &random) ? 30 : 5_000_000), using: &random)
            }
            let total = Int64.random(in: -10_000_000_000...10_000_000_000, using: &random)
            guard let parts = Split.largestRemainder(Money(fen: total), weights: weights) else {
                Issue.record("no split of \(total) over \(weights)")
                return
            }
            #expect(parts.map(\.fen).reduce(0, +) == total, "\(total) over \(weights)")
            let sum = weights.reduce(0, +)
            for (part, weight) in zip(parts, weights) {
                // Within one fen of the exact share: |part × sum − total × weight| < sum.
                #expect(abs(part.fen * sum - total * weight) < sum, "\(total) over \(weights)")
            }
            for i in weights.indices {
                for j in weights.indices where weights[i] > weights[j] { #expect(parts[i].fen.magnitude >= parts[j].fen.magnitude) }
            }
        }
    }

    @Test func rowsMatchEntriesByAmountDirectionDaysAndCounterparty() {
        let row = MatchItem(id: "R1", date: "2026-01-05", amount: Money(fen: 120_000), counterparty: "某某传媒")
        func entry(_ id: String, _ date: String, _ fen: Int64 = 120_000, _ party: String = "") -> MatchItem {
            MatchItem(id: id, date: date, amount: Money(fen: fen), counterparty: party)
        }
        #expect(Reconciliation.matches(row, entry("E", "2026-01-08")))
        #expect(Reconciliation.matches(row, entry("E", "2026-01-02", 120_000, "某某传媒")))
        #expect(!Reconciliation.matches(row, entry("E", "2026-01-09")))
        #expect(!Reconciliation.matches(row, entry("E", "2026-01-05", -120_000)))
        #expect(!Reconciliation.matches(row, entry("E", "2026-01-05", 120_001)))
        #expect(!Reconciliation.matches(row, entry("E", "2026-01-05", 120_000, "别家")))
        let pairs = Reconciliation.match(
            rows: [row, MatchItem(id: "R2", date: "2026-01-06", amount: Money(fen: 120_000), counterparty: "")],
            entries: [entry("E1", "2026-01-07"), entry("E2", "2026-01-05"), entry("E3", "2026-01-30")])
        #expect(pairs.map { "\($0.row)=\($0.entry)" } == ["R1=E2", "R2=E1"])
    }
}
