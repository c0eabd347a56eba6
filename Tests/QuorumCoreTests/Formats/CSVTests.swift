import PropertyBased
import Testing

@testable import QuorumCore

@Suite struct CSVTests {
    private func fields(_ text: String) -> [[String]] {
        CSVParser.records(in: Array(text.utf8)).records.map(\.fields)
    }

    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n"
        #expect(fields(text) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
    }

    @Test func acceptsCRLFAndNoFinalLineBreak() {
        #expect(fields("a,b\r\n1,2\r\n3,4") == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test func skipsTheByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("单元,b\n1,2\n".utf8)
        #expect(CSVParser.records(in: bytes).records.map(\.fields) == [["单元", "b"], ["1", "2"]])
    }

    @Test func numbersRecordsByTheLineTheyStartOn() {
        let records = CSVParser.records(in: Array("h\n\"a\nb\"\nc\n".utf8)).records
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func reportsAnUnterminatedQuoteAndInvalidUTF8() {
        let unterminated = CSVParser.records(in: Array("h\n\"open\n".utf8))
        #expect(unterminated.problems.map(\.0) == [.unterminatedQuote])
        #expect(unterminated.problems.map(\.1) == [2])
        let gbk: [UInt8] = Array("h\n".utf8) + [0xC2, 0xA5, 0xB5, 0xA5, 0x0A]  // not UTF-8 in the middle
        let invalid = CSVParser.records(in: Array("h\nok\n".utf8) + [0xFF, 0xFE] + Array("\n".utf8) + gbk)
        #expect(invalid.problems.contains { $0.0 == .invalidUTF8 && $0.1 == 3 })
    }

    @Test func anyChunkingGivesTheSameRecords() async {
        let text = Array("unit_id,\"名 字\"\r\n\"a,\"\"b\"\"\",2\n\"x\ny\",z\r\n,\n最后,一行".utf8)
        let whole = CSVParser.records(in: text).records.map(\.fields)
        await propertyCheck(input: Gen.int(in: 1...text.count).array(of: 0...8)) { cuts in
            var parser = CSVParser()
            var records: [[String]] = []
            var start = 0
            for cut in cuts.sorted() + [text.count] where cut >= start {
                parser.feed(text[start..<cut], record: { records.append($0.fields) }, problem: { _, _ in })
                start = cut
            }
            parser.finish(record: { records.append($0.fields) }, problem: { _, _ in })
            #expect(records == whole)
        }
    }

    /// OWASP's CSV-injection rule (FORMATS.md, "Every CSV Quorum writes"): a cell a
    /// spreadsheet would run gets a `'` before it, and every reader takes it off again.
    @Test func aCellASpreadsheetWouldRunIsGuardedAndReadsBackUnchanged() {
        #expect(CSVWriter.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVWriter.field("-1") == "'-1")
        #expect(CSVWriter.field("+86 138") == "'+86 138")
        #expect(CSVWriter.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.field("\tx") == "'\tx")
        #expect(CSVWriter.field("a-1") == "a-1")
        #expect(CSVWriter.field("'quoted") == "'quoted")
        #expect(CSVWriter.field("'=x") == "''=x")
        let cells = ["=1+2", "-1", "+1", "@x", "\tt", "\rr", "'=x", "''-y", "'plain", "plain", "", "张三", "a,=b", "=\"q\""]
        let text = CSVWriter.row(cells) + CSVWriter.row(cells.reversed())
        #expect(fields(text) == [cells, cells.reversed()])
    }

    @Test func refusesARecordWithANulByteOrAnOverlongFieldAndKeepsTheRest() {
        let long = String(repeating: "长", count: CSVParser.maximumFieldLength + 1)
        let enough = String(repeating: "长", count: CSVParser.maximumFieldLength)
        let read = CSVParser.records(in: Array("h,i\nok,1\nbad\u{0},2\n3,\(long)\n\(enough),4\n".utf8))
        #expect(read.records.map(\.fields) == [["h", "i"], ["ok", "1"], [enough, "4"]])
        #expect(read.problems.map(\.0) == [.nulByte(column: 0), .fieldTooLong(column: 1)])
        #expect(read.problems.map(\.1) == [3, 4])
    }
}
