import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

// The parts of a workbook Foundation's XMLParser reads for `Workbook` (Workbook.swift).

/// The elements of a small XML part (the workbook, its relations, the styles) with their attributes.
final class Elements: NSObject, XMLParserDelegate {
    struct Found {
        var name: String
        var attributes: [String: String]
    }
    let names: Set<String>
    var found: [Found] = []

    init(_ data: Data, named names: Set<String>) {
        self.names = names
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if names.contains(name.local) { found.append(Found(name: name.local, attributes: attributes)) }
    }
}

/// `sharedStrings.xml`: each `<si>`'s text, its runs (`<r><t>`) joined; phonetic runs (`<rPh>`) left out.
final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = "", inText = false, inPhonetic = false

    static func read(_ data: Data) -> [String] {
        let reader = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        parser.parse()
        return reader.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name.local {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name.local {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// `styles.xml`: the positions in `cellXfs` whose number format is a date or a time (the
/// built-in ones, 14-22 and 45-47, or a format of its own with y, m, d, h or s outside quotes).
enum DateStyles {
    static func read(_ data: Data) -> [Int] {
        let parts = Elements(data, named: ["numFmt", "cellXfs", "xf", "cellStyleXfs"])
        var custom: [String: Bool] = [:]
        for format in parts.found where format.name == "numFmt" {
            let code = (format.attributes["formatCode"] ?? "").replacingOccurrences(
                of: #"\"[^\"]*\"|\[[^\]]*\]"#, with: "", options: .regularExpression)
            custom[format.attributes["numFmtId"] ?? ""] = code.lowercased().contains { "ymdhs".contains($0) }
        }
        // The `xf`s after `<cellXfs>` are the cells' styles, in order (those of `<cellStyleXfs>` are not).
        var inCells = false
        var position = 0
        var dates: [Int] = []
        for element in parts.found {
            if element.name == "cellXfs" || element.name == "cellStyleXfs" { inCells = element.name == "cellXfs" }
            guard element.name == "xf", inCells else { continue }
            let id = element.attributes["numFmtId"] ?? "0"
            if let builtIn = Int(id), (14...22).contains(builtIn) || (45...47).contains(builtIn) || custom[id] == true { dates.append(position) }
            position += 1
        }
        return dates
    }
}

/// The sheet's rows, written as CSV lines as they are parsed.
final class SheetRows: NSObject, XMLParserDelegate {
    let strings: [String]
    let dates: Set<Int>
    let date1904: Bool
    let out: FileHandle
    var header: [String] = []
    var failure: WorkbookError?
    private var line = 0, row: [String] = [], buffer = Data()
    private var cell: (column: Int, type: String, style: Int)?, value = "", inValue = false

    init(strings: [String], dates: Set<Int>, date1904: Bool, out: FileHandle) {
        (self.strings, self.dates, self.date1904, self.out) = (strings, dates, date1904, out)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name.local {
        case "row":
            row = []
            if let number = attributes["r"].flatMap(Int.init) {
                // Rows left out of the file are blank lines, so every row keeps its number.
                while line + 1 < number { write([]) }
            }
        case "c":
            let reference = attributes["r"] ?? ""
            let letters = reference.prefix { $0.isLetter }
            let column = letters.isEmpty ? row.count : letters.reduce(0) { $0 * 26 + Int($1.asciiValue ?? 65) - 64 } - 1
            cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
            value = ""
        case "v", "t": inValue = cell != nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { value += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name.local {
        case "v", "t": inValue = false
        case "c":
            guard let cell else { return }
            while row.count < cell.column { row.append("") }
            row.append(text(value, type: cell.type, style: cell.style))
            self.cell = nil
        case "row":
            write(row)
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) { failure = .damaged("row \(line + 1)") }

    /// A cell's text as Excel means it.
    func text(_ raw: String, type: String, style: Int) -> String {
        switch type {
        case "s": return Int(raw).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
        case "b": return raw == "1" ? "TRUE" : "FALSE"
        case "n":
            guard !raw.isEmpty else { return "" }
            if dates.contains(style), let serial = Double(raw) { return Self.date(serial, date1904: date1904) }
            // An integer as written (an 18-digit number is never rounded); a decimal in its shortest exact spelling.
            guard raw.contains("."), !raw.lowercased().contains("e"), let number = Double(raw) else { return raw }
            let shortest = "\(number)"
            return shortest.lowercased().contains("e") ? raw : shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
        default: return raw  // inline strings, formula strings, errors (#N/A): as they are
        }
    }

    /// Excel's serial date: days since 30 December 1899 (since 1 January 1904 in a 1904 workbook), the fraction the time.
    static func date(_ serial: Double, date1904: Bool) -> String {
        let seconds = Int64((serial * 86_400).rounded()) + (date1904 ? 1462 * 86_400 : 0)
        let (days, time) = (seconds.quotientAndRemainder(dividingBy: 86_400).quotient, seconds % 86_400)
        // Civil date from days since 1899-12-30 (the days-from-civil inverse, proleptic Gregorian).
        let z = days - 25_569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let (day, month) = (doy - (153 * mp + 2) / 5 + 1, mp < 10 ? mp + 3 : mp - 9)
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let text = "\(year)-\(two(month))-\(two(day))"
        return time == 0 ? text : text + " \(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))"
    }

    func write(_ fields: [String]) {
        line += 1
        if line == 1 { header = fields.map { $0.trimmingCharacters(in: .whitespaces) } }
        let csv = fields.map { field -> String in
            let flat = field.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(
                of: "\r", with: " ")
            return flat.contains(where: { $0 == "," || $0 == "\"" }) ? "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : flat
        }
        buffer.append(contentsOf: (csv.joined(separator: ",") + "\n").utf8)
        if buffer.count > 1 << 20 { flush() }
    }

    func flush() {
        out.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

extension String {
    /// An element's name without its namespace prefix (`x:row` is `row`).
    var local: String { split(separator: ":").last.map(String.init) ?? self }
}
