import Foundation
import Testing

@testable import QuorumCore

@Suite struct StatementReaderTests {
    static let header = "date,description,income,expense,balance,counterparty,reference"

    static func read(_ csv: String, opening: Int64 = 0, imported: Set<String> = []) -> Result<[StatementRow], InputErrors> {
        StatementReader.read(Array(csv.utf8), file: "statement.csv", opening: Money(fen: opening), imported: imported)
    }

    /// The errors as `line: field: problem` (English), to compare in one line.
    static func errors(_ csv: String, opening: Int64 = 0, imported: Set<String> = []) -> [String] {
        guard case .failure(let errors) = read(csv, opening: opening, imported: imported) else { return [] }
        return errors.errors.map { "\($0.line ?? 0): \($0.field ?? ""): \($0.problem.english)" }
    }

    @Test func readsChineseHeadersInAnyOrderTheThreeDateFormsAndGroupedAmounts() throws {
        let csv = """
            流水号,余额,备注,交易日期,摘要,支出金额,收入金额,交易时间
            R1,"1,234.50",x,2026/3/1,租金,,"1,234.50",14:05:00
            R2,1234.00,,20260302,手续费,0.50,0,
            R3,1234.00,,2026-03-03,利息,,,
            """
        #expect(Self.errors(csv) == ["4: income (收入金额): one of income and expense must be greater than 0"])
        let rows = try Self.read(String(csv.split(separator: "\n").dropLast().joined(separator: "\n"))).get()
        #expect(rows.map(\.date) == ["2026-03-01", "2026-03-02"])
        #expect(rows.map(\.amount.fen) == [123_450, -50] && rows.map(\.balance.fen) == [123_450, 123_400])
        #expect(rows[0].time == "14:05:00" && rows[0].reference == "R1" && rows[1].counterparty == "")
    }

    @Test func theFirstRowFollowsFromTheBalanceBeforeTheFile() {
        let csv = Self.header + "\n2026-01-05,a,100.00,,1100.00,,R1\n"
        #expect((try? Self.read(csv, opening: 100_000).get())?.count == 1)
        #expect(Self.errors(csv) == ["2: balance (余额): the balance does not follow from the account's balance before the file; expected 100.00"])
    }

    @Test func everyBadLineIsNamedAndNothingIsRead() {
        let csv = [
            Self.header,
            "2026-01-05,a,100.00,,100.00,,R1",
            "2026-01-06,b,,10.001,90.00,,R2",
            "2026-01-07,c,-5,,95.00,,R3",
            "2026-01-08,d,5.00,5.00,100.00,,R4",
            "2026-02-30,e,1.00,,101.00,,R5",
            ",,abc,,x,,",
            "2026-01-09,f,1.00,,97.00,,R1",
            "2026-01-10,g,1.00,,98.00,,OLD",
            "2026-01-11,h,1.00,,98.00,,R9",
        ].joined(separator: "\n")
        #expect(
            Self.errors(csv, imported: ["OLD"]) == [
                "3: expense (支出金额): an amount has at most 2 decimals: \"10.001\"",
                "4: income (收入金额): an amount cannot be negative: \"-5\"",
                "5: expense (支出金额): only one of income and expense may be filled in",
                "6: date (交易日期): not a date or time: \"2026-02-30\" (e.g. 2026-03-31, 2026/3/31, 20260331 or 14:05:00)",
                "7: date (交易日期): required field is empty", "7: description (摘要): required field is empty",
                "7: reference (流水号): required field is empty", "7: income (收入金额): \"abc\" is not a number",
                "7: balance (余额): \"x\" is not a number",
                "8: reference (流水号): the reference repeats line 2's",
                "9: reference (流水号): the reference was imported before",
                "10: balance (余额): the balance does not follow from line 9's balance; expected 99.00",
            ])
    }

    @Test func aFileWithoutItsRequiredColumnsOrRowsIsRefused() {
        #expect(Self.errors("date,description,income,expense,balance\n") == ["1: : the required column \"reference (流水号)\" is missing"])
        #expect(Self.errors("") == ["0: : the file is empty or has no header"])
        #expect((try? Self.read(Self.header + "\n").get()) == [])
    }

    /// The same reader takes a workbook's first sheet (FORMATS.md), as `quorum books import`
    /// reads it: numbers as Excel keeps them, a bad row named by its cell.
    @Test func aWorkbookIsReadAsItsSheetAndItsBadCellNamed() throws {
        func cell(_ ref: String, _ text: String) -> String { #"<c r="\#(ref)" t="inlineStr"><is><t>\#(text)</t></is></c>"# }
        func number(_ ref: String, _ value: String) -> String { #"<c r="\#(ref)"><v>\#(value)</v></c>"# }
        let headers = ["交易日期", "摘要", "收入金额", "支出金额", "余额", "流水号"]
        let rows =
            #"<row r="1">"# + zip("ABCDEF", headers).map { cell("\($0)1", $1) }.joined() + "</row>"
            + #"<row r="2">"# + cell("A2", "2026-01-05") + cell("B2", "租金") + number("C2", "1200.5") + number("E2", "1200.5") + cell("F2", "R1")
            + "</row>"
            + #"<row r="3">"# + cell("A3", "20260106") + cell("B3", "利息") + number("C3", "0.25") + number("E3", "1200.76") + cell("F3", "R2")
            + "</row>"
        let workbook = try WorkbookTests.workbook(rows: rows)
        defer { try? FileManager.default.removeItem(at: workbook) }
        let source = try Workbook.csv(of: workbook.path, file: "jan.xlsx")
        defer { source.close() }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: source.path)))
        guard case .failure(let errors) = StatementReader.read(bytes, file: "jan.xlsx", opening: .zero, imported: []) else {
            Issue.record("the bad workbook was read")
            return
        }
        let placed = try #require(source.sheet).place(errors.errors, file: "jan.xlsx")
        #expect(
            placed.map(\.description) == [
                "jan.xlsx:Sheet1!E3: balance (余额): 余额与第 2 行的余额不符，应为 1200.75 / the balance does not follow from line 2's balance; expected 1200.75"
            ])
    }

    // MARK: - The shared vectors

    static let vectors = ConformanceTests.shared.appendingPathComponent("domain/vectors/statement-small")
    static let present = FileManager.default.fileExists(atPath: vectors.path)

    @Test(.enabled(if: present, "skipped: ../shared/domain/vectors/statement-small is not beside the project (CI has it)"))
    func theSharedStatementImportsAndItsBadTwinIsRefusedWithItsLinesNamed() throws {
        let good = try Data(contentsOf: Self.vectors.appendingPathComponent("statement.csv"))
        let rows = try StatementReader.read(Array(good), file: "statement.csv", opening: .zero, imported: []).get()
        #expect(rows.count == 10)
        #expect(rows.filter { $0.amount.fen > 0 }.map(\.amount.fen).reduce(0, +) == 945_971)
        #expect(rows.filter { $0.amount.fen < 0 }.map(\.amount.fen).reduce(0, +) == -449_280)
        #expect(rows.last?.balance == Money(fen: 496_691))
        let bad = try Data(contentsOf: Self.vectors.appendingPathComponent("statement-bad.csv"))
        guard case .failure(let errors) = StatementReader.read(Array(bad), file: "statement-bad.csv", opening: .zero, imported: []) else {
            Issue.record("the bad statement was read")
            return
        }
        #expect(errors.errors.map(\.line) == [4, 5, 8, 10])
        #expect(
            errors.errors.map(\.problem) == [
                .balanceDoesNotFollow(expected: "4426.50", previousLine: 3), .balanceDoesNotFollow(expected: "6226.51", previousLine: 4),
                .moneyTooPrecise("3000.005"), .duplicateReference(firstLine: 3),
            ])
    }
}
