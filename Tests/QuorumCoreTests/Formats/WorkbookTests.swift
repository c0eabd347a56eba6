import Foundation
import Testing
import ZIPFoundation

@testable import QuorumCore

/// Issue 17, item 7: an `.xlsx` is read as its sheet's CSV, cell by cell as Excel means it,
/// and a reader's errors are named by sheet, row and column. (An independent writer,
/// openpyxl, builds the workbooks of `Tests/files/xlsx_test.py`; here each part is written by
/// hand to reach the cases a writer may or may not produce: inline strings, rich text, a
/// 17-digit number, skipped rows, a 1904 workbook.)
@Suite struct WorkbookTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// A workbook of one sheet `name` with these parts; `extra` more sheets by name.
    static func workbook(sheet name: String = "Sheet1", rows: String, strings: [String] = [], styles: String = "", date1904: Bool = false)
        throws -> URL
    {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString).xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add(
            "xl/workbook.xml",
            #"<?xml version="1.0"?><workbook xmlns="\#(main)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
                + (date1904 ? #"<workbookPr date1904="1"/>"# : "")
                + #"<sheets><sheet name="\#(name)" sheetId="1" r:id="rId7"/></sheets></workbook>"#)
        try add(
            "xl/_rels/workbook.xml.rels",
            #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
        )
        if !strings.isEmpty { try add("xl/sharedStrings.xml", #"<sst xmlns="\#(main)">"# + strings.map { "<si>\($0)</si>" }.joined() + "</sst>") }
        if !styles.isEmpty { try add("xl/styles.xml", #"<styleSheet xmlns="\#(main)">\#(styles)</styleSheet>"#) }
        try add("xl/worksheets/sheet1.xml", #"<worksheet xmlns="\#(main)"><sheetData>\#(rows)</sheetData></worksheet>"#)
        return url
    }

    static func csv(_ workbook: URL) throws -> (text: String, sheet: Workbook.Sheet) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: out) }
        let sheet = try Workbook.convert(workbook, to: out)
        return (try String(contentsOf: out, encoding: .utf8), sheet)
    }

    @Test func eachCellIsReadAsExcelMeansIt() throws {
        let styles = #"""
            <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d\ &quot;h&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;m&quot;"/></numFmts>
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>
            """#
        let rows = #"""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>面积</t></is></c><c r="D1" t="s"><v>1</v></c></row>
            <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>85.340000000000003</v></c><c r="C3"><v>110101199001010011</v></c>
            <c r="D3" s="1"><v>46112</v></c><c r="E3" s="2"><v>46112.5</v></c><c r="F3" s="3"><v>12.5</v></c><c r="G3" t="b"><v>1</v></c>
            <c r="H3" t="inlineStr"><is><r><t>甲,</t></r><r><t>"乙"</t></r></is></c><c r="I3" t="e"><v>#N/A</v></c><c r="J3"><v>1E-3</v></c></row>
            """#
        let strings = ["<t>单元</t>", "<r><t>日</t></r><r><t>期</t></r><rPh><t>ri</t></rPh>", "<t>第一行\n第二行</t>"]
        // act
        let (text, sheet) = try Self.csv(try Self.workbook(sheet: "登记册", rows: rows, strings: strings, styles: styles))
        // check: a skipped row is a blank line; the date formats (built-in 14, custom with y/m/d) read as dates, "0.00m" not
        #expect(
            text == #"""
                单元,面积,,日期

                第一行 第二行,85.34,110101199001010011,2026-03-31,2026-03-31 12:00:00,12.5,TRUE,"甲,""乙""",#N/A,1E-3

                """#)
        #expect(sheet == Workbook.Sheet(name: "登记册", header: ["单元", "面积", "", "日期"]))
    }

    @Test func aReadersErrorIsNamedBySheetRowAndColumn() throws {
        let sheet = Workbook.Sheet(name: "Sheet1", header: ["unit_id", "面积", "owner_id"])
        #expect(sheet.cell(line: 14, field: "area (面积)") == "Sheet1!B14")
        #expect(sheet.cell(line: 3, field: "owner_id (身份证号)") == "Sheet1!C3")
        #expect(sheet.cell(line: 3, field: nil) == "Sheet1!3")
        let placed = sheet.place([InputError(file: "x.csv", line: 14, field: "area (面积)", problem: .areaNotPositive("0"))], file: "reg.xlsx")
        #expect(placed[0].description.hasPrefix("reg.xlsx:Sheet1!B14: area (面积): "))
        #expect(
            Workbook.columnName(0) == "A" && Workbook.columnName(25) == "Z" && Workbook.columnName(26) == "AA" && Workbook.columnName(701) == "ZZ")
    }

    @Test func aRegisterReadsTheSameFromItsWorkbookAsFromItsCSV() throws {
        let header = ["unit_id", "building", "room", "area", "owner_name", "owner_id"]
        let lines = [["U1", "1", "101", "85.34", "甲", "110101199001010011"], ["U2", "1", "102", "90", "乙", "110101199202020033"]]
        let cell = { (column: Int, row: Int, value: String) -> String in
            let reference = "\(Workbook.columnName(column))\(row)"
            return Double(value) != nil && column == 3
                ? #"<c r="\#(reference)"><v>\#(value == "85.34" ? "85.340000000000003" : value)</v></c>"#
                : #"<c r="\#(reference)" t="inlineStr"><is><t>\#(value)</t></is></c>"#
        }
        let rows = ([header] + lines).enumerated().map { index, fields in
            "<row r=\"\(index + 1)\">" + fields.enumerated().map { cell($0.offset, index + 1, $0.element) }.joined() + "</row>"
        }.joined()
        let source = try Workbook.csv(of: try Self.workbook(rows: rows).path, file: "reg.xlsx")
        defer { source.close() }
        let fromBook = try Register.read(csv: try Data(contentsOf: URL(fileURLWithPath: source.path)))
        let fromCSV = try Register.read(csv: Array(([header] + lines).map { $0.joined(separator: ",") }.joined(separator: "\n").utf8))
        #expect(fromBook.units == fromCSV.units && fromBook.units.count == 2)
    }

    @Test func aFileThatIsNoWorkbookIsRefusedByName() throws {
        let fake = FileManager.default.temporaryDirectory.appendingPathComponent("fake-\(UUID().uuidString).xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).write(to: fake)
        #expect {
            try Workbook.csv(of: fake.path, file: "reg.xlsx")
        } throws: { error in
            (error as? InputErrors)?.errors == [InputError(file: "reg.xlsx", problem: .notAWorkbook)]
        }
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString).csv")
        try Data("unit_id\n".utf8).write(to: csv)
        #expect(try Workbook.csv(of: csv.path, file: "reg.csv").path == csv.path, "a CSV is read as it is")
    }

    @Test func a1904WorkbookCountsItsDatesFrom1904() throws {
        let styles = #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>"#
        let (text, _) = try Self.csv(try Self.workbook(rows: #"<row r="1"><c r="A1" s="1"><v>44650</v></c></row>"#, styles: styles, date1904: true))
        #expect(text == "2026-03-31\n")
    }
}
