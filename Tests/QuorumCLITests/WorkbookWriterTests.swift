import Foundation
import QuorumCore
import Testing

/// Issue 17, item 8: the workbooks Quorum writes, opened by an independent reader (openpyxl,
/// which `.ci/run` installs): every cell as written, numbers as numbers, an ID number and a
/// formula-like text as text. Without python3 and openpyxl the test says it skipped, unless
/// `CI` is set, when it fails.
@Suite struct WorkbookWriterTests {
    static let reader = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        print(json.dumps([[book.sheetnames[i]] + [[[c.value, c.data_type] for c in row] for row in sheet.iter_rows()]
                          for i, sheet in enumerate(book.worksheets)], ensure_ascii=False))
        """

    @Test func openpyxlReadsEveryCellAsWritten() throws {
        let tables = [
            Workbook.Table(
                name: "登记册", rows: [["unit_id", "area", "owner_id", "note"], ["1-1-101", "85.34", "110101199001010011", "=HYPERLINK(\"x\")"]]),
            Workbook.Table(name: "a/b[1]", rows: [["甲 & <乙>", "-3", "007", "line\nbreak\u{1}"]]),
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("written-\(UUID().uuidString).xlsx")
        try Workbook.write(tables).write(to: file)
        let run = try TallyCommandTests.run(["python3", "-c", Self.reader, file.path], executable: URL(fileURLWithPath: "/usr/bin/env"))
        guard run.status == 0 else {
            if ProcessInfo.processInfo.environment["CI"] != nil || !run.standardError.contains("No module named") {
                Issue.record("openpyxl could not read the workbook: \(run.standardError)")
            } else {
                print("WorkbookWriterTests: skipped, openpyxl is not installed (pip install openpyxl)")
            }
            return
        }
        let sheets = try #require(try JSONSerialization.jsonObject(with: run.standardOutput) as? [[Any]])
        #expect(sheets.map { $0[0] as? String } == ["登记册", "a_b_1_"])
        let cells = sheets.map { sheet in sheet.dropFirst().map { row in (row as? [[Any]] ?? []).map { "\($0[0]) \($0[1])" } } }
        #expect(
            cells[0] == [
                ["unit_id s", "area s", "owner_id s", "note s"], ["1-1-101 s", "85.34 n", "110101199001010011 s", "=HYPERLINK(\"x\") s"],
            ])
        #expect(cells[1] == [["甲 & <乙> s", "-3 n", "007 s", "line\nbreak\u{FFFD} s"]])
    }
}
