import Foundation
import ZIPFoundation

extension Workbook {
    /// One sheet of a workbook Quorum writes: its name and its rows, the first the header.
    public struct Table: Sendable {
        public var name: String
        public var rows: [[String]]

        public init(name: String, rows: [[String]]) { (self.name, self.rows) = (name, rows) }
    }

    /// An `.xlsx` of these sheets (issue 17, item 8), for the tables people print and file:
    /// what reads as a number (`85.34`, `-3`; at most 15 digits, no leading zero) is a number,
    /// everything else an inline string, so an ID number keeps its 18 digits and a text such
    /// as `=HYPERLINK(…)` is text, never a formula (no cell is ever written as one).
    public static func write(_ tables: [Table]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { at, size in
                data.subdata(in: Int(at)..<Int(at) + size)
            }
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let sheets = tables.indices.map { "sheet\($0 + 1)" }
        try add(
            "[Content_Types].xml",
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
                + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#
                + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
                + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
                + sheets.map {
                    #"<Override PartName="/xl/worksheets/\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
                }.joined() + "</Types>")
        try add(
            "_rels/.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relations)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        )
        var used = Set<String>()
        let names = tables.map { table in sheetName(table.name, avoiding: &used) }
        try add(
            "xl/workbook.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\#(main)" xmlns:r="\#(relations)"><sheets>"#
                + names.enumerated().map { #"<sheet name="\#(escaped($0.element))" sheetId="\#($0.offset + 1)" r:id="rId\#($0.offset + 1)"/>"# }
                .joined() + "</sheets></workbook>")
        try add(
            "xl/_rels/workbook.xml.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + sheets.enumerated().map {
                    #"<Relationship Id="rId\#($0.offset + 1)" Type="\#(relations)/worksheet" Target="worksheets/\#($0.element).xml"/>"#
                }.joined()
                + #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(relations)/styles" Target="styles.xml"/></Relationships>"#)
        try add(
            "xl/styles.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\#(main)"><fonts count="1"><font><sz val="11"/></font></fonts>"#
                + #"<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>"#
                + #"<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>"#)
        for (table, sheet) in zip(tables, sheets) {
            var xml = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(main)"><sheetData>"#
            for (index, row) in table.rows.enumerated() {
                xml += #"<row r="\#(index + 1)">"#
                for (column, text) in row.enumerated() where !text.isEmpty {
                    let reference = "\(columnName(column))\(index + 1)"
                    xml +=
                        isNumber(text)
                        ? #"<c r="\#(reference)"><v>\#(text)</v></c>"#
                        : #"<c r="\#(reference)" t="inlineStr"><is><t xml:space="preserve">\#(escaped(text))</t></is></c>"#
                }
                xml += "</row>"
            }
            try add("xl/worksheets/\(sheet).xml", xml + "</sheetData></worksheet>")
        }
        return archive.data ?? Data()
    }

    /// Written as a number: an optional minus, an integer part without a leading zero, at
    /// most 15 digits in all (what a double holds exactly), an optional fraction.
    static func isNumber(_ text: String) -> Bool {
        let digits = text.filter(\.isASCII).filter(\.isNumber)
        return text.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?/) != nil && digits.count <= 15
    }

    /// A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
    static func sheetName(_ wanted: String, avoiding used: inout Set<String>) -> String {
        let clean = String(wanted.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        var name = clean.isEmpty ? "Sheet" : clean
        var number = 2
        while used.contains(name.lowercased()) {
            name = String(clean.prefix(27)) + " (\(number))"
            number += 1
        }
        used.insert(name.lowercased())
        return name
    }

    /// Text for XML: the five entities escaped, and characters XML cannot hold (controls but
    /// tab and line breaks) replaced by U+FFFD.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
