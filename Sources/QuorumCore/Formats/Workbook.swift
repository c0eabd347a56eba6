import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An Excel workbook (`.xlsx`, as Excel and WPS save it) accepted wherever a CSV is (issue 17,
/// item 7): one sheet is written out as CSV, row *r* of the sheet on line *r*, so that every
/// CSV reader reads it unchanged and names its rows by the sheet's own numbers; `cell(…)`
/// turns a reader's line and column into `Sheet1!E14`.
///
/// The sheet streams (ZIPFoundation's chunks into a temporary file, Foundation's `XMLParser`
/// from a stream): never a whole sheet in memory. Shared strings, the one table a cell may
/// point anywhere into, are held. Cells are read as Excel means them: shared and inline
/// strings; numbers in their shortest exact spelling (`85.340000000000003` is `85.34`; an
/// integer as written, so an 18-digit number is never rounded); dates (a number in a date
/// format) as `2026-03-31` or `2026-03-31 14:05:00`; TRUE/FALSE. A line break inside a cell
/// becomes a space (it would move the lines after it).
public enum Workbook {
    /// A ZIP file's first four bytes: what an `.xlsx` starts with, and a CSV never does.
    public static func isWorkbook(_ prefix: some Sequence<UInt8>) -> Bool { Array(prefix.prefix(4)) == [0x50, 0x4B, 0x03, 0x04] }

    /// What was converted: the sheet's name and its first row (the header).
    public struct Sheet: Sendable, Hashable {
        public var name: String
        public var header: [String]

        /// `Sheet1!E14`: where a reader's error on `line` in the column labelled `field`
        /// (`area (建筑面积)`, as `CSVColumn.label` writes it) lies; the row alone when the
        /// column is not found.
        public func cell(line: Int, field: String?) -> String {
            let column = field.flatMap { field in
                header.firstIndex { !$0.isEmpty && (field == $0 || field.hasPrefix($0 + " (") || field.hasSuffix("(\($0))")) }
            }
            return "\(name)!\(column.map(Workbook.columnName) ?? "")\(line)"
        }

        /// The errors of a CSV reader, each placed at its cell of the sheet, in the workbook `file`.
        public func place(_ errors: [InputError], file: String) -> [InputError] {
            errors.map { error in
                var placed = error
                placed.file = file
                if let line = error.line { placed.cell = cell(line: line, field: error.field) }
                return placed
            }
        }
    }

    /// Column 0 is `A`, 25 `Z`, 26 `AA`.
    public static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            rest -= 1
            name = String(UnicodeScalar(UInt8(65 + rest % 26))) + name
            rest /= 26
        }
        return name
    }

    /// Writes the sheet named `sheet` (nil: the first) of the workbook at `xlsx` as CSV to `csv`.
    public static func convert(_ xlsx: URL, sheet wanted: String? = nil, to csv: URL) throws(WorkbookError) -> Sheet {
        do {
            let archive = try Archive(url: xlsx, accessMode: .read)
            func xml(_ path: String) throws -> Data? {
                guard let entry = archive[path] else { return nil }
                var data = Data()
                _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
                return data
            }
            guard let book = try xml("xl/workbook.xml"), let relations = try xml("xl/_rels/workbook.xml.rels") else {
                throw WorkbookError.notAWorkbook
            }
            let sheets = Elements(book, named: ["sheet", "workbookPr"])
            let targets = Dictionary(
                Elements(relations, named: ["Relationship"]).found.map { ($0.attributes["Id"] ?? "", $0.attributes["Target"] ?? "") },
                uniquingKeysWith: { first, _ in first })
            let listed = sheets.found.filter { $0.name == "sheet" }
            guard let chosen = wanted.map({ name in listed.first { $0.attributes["name"] == name } }) ?? listed.first else {
                throw WorkbookError.noSuchSheet(wanted ?? "")
            }
            // The relation's id, whatever prefix the writer gave its namespace (`r:id`).
            let target = targets[chosen.attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""] ?? ""
            // Relative to `xl/` (`worksheets/sheet1.xml`), or from the package's root (`/xl/worksheets/sheet1.xml`).
            let trimmed = String(target.drop { !$0.isLetter })
            let path = trimmed.hasPrefix("xl/") ? trimmed : "xl/" + trimmed
            guard let entry = archive[path] else { throw WorkbookError.notAWorkbook }
            let date1904 = sheets.found.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"]) }
            let strings = try xml("xl/sharedStrings.xml").map(SharedStrings.read) ?? []
            let dates = try xml("xl/styles.xml").map(DateStyles.read) ?? []

            // The sheet's XML goes to a temporary file in chunks, and is parsed from there as a stream.
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-sheet-\(UUID().uuidString).xml")
            FileManager.default.createFile(atPath: temporary.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: temporary) }
            let sheetFile = try FileHandle(forWritingTo: temporary)
            _ = try archive.extract(entry, skipCRC32: true) { sheetFile.write($0) }
            try sheetFile.close()
            FileManager.default.createFile(atPath: csv.path, contents: nil)
            let out = try FileHandle(forWritingTo: csv)
            defer { try? out.close() }
            guard let stream = InputStream(url: temporary) else { throw WorkbookError.notAWorkbook }
            let rows = SheetRows(strings: strings, dates: Set(dates), date1904: date1904, out: out)
            let parser = XMLParser(stream: stream)
            parser.delegate = rows
            guard parser.parse(), rows.failure == nil else { throw rows.failure ?? WorkbookError.damaged(path) }
            rows.flush()
            return Sheet(name: chosen.attributes["name"] ?? "", header: rows.header)
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw .notAWorkbook
        }
    }
}

extension Workbook {
    /// A file to read as CSV: the file itself, or a workbook's sheet written out as CSV to a
    /// temporary file (`close()` removes it).
    public struct CSVSource: Sendable {
        public let path: String
        /// The workbook's sheet, when the file is one.
        public let sheet: Sheet?

        /// A CSV reader's errors, placed at their cells when the file is a workbook.
        public func place(_ errors: [InputError], file: String) -> [InputError] { sheet?.place(errors, file: file) ?? errors }

        public func close() { if sheet != nil { try? FileManager.default.removeItem(atPath: path) } }
    }

    /// A small file's bytes as CSV: the bytes themselves, or a workbook's sheet; `place` puts
    /// a reader's errors at their cells.
    public static func csv(of bytes: [UInt8], file: String) throws(InputErrors) -> (bytes: [UInt8], place: @Sendable ([InputError]) -> [InputError]) {
        guard isWorkbook(bytes) else { return (bytes, { $0 }) }
        let saved = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-book-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: saved) }
        do { try Data(bytes).write(to: saved) } catch { throw InputErrors([InputError(file: file, problem: .notAWorkbook)]) }
        let source = try csv(of: saved.path, file: file)
        defer { source.close() }
        let converted = (try? Data(contentsOf: URL(fileURLWithPath: source.path))).map { [UInt8]($0) } ?? []
        return (converted, { source.place($0, file: file) })
    }

    /// The file at `path` as CSV: a workbook (known by its first bytes, whatever its name) is
    /// converted; one that cannot be read is an error of the file `file`.
    public static func csv(of path: String, file: String, sheet: String? = nil) throws(InputErrors) -> CSVSource {
        let handle = FileHandle(forReadingAtPath: path)
        let prefix = (try? handle?.read(upToCount: 4)) ?? nil
        try? handle?.close()
        guard let prefix, isWorkbook(prefix) else { return CSVSource(path: path, sheet: nil) }
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-sheet-\(UUID().uuidString).csv")
        do {
            return CSVSource(path: csv.path, sheet: try convert(URL(fileURLWithPath: path), sheet: sheet, to: csv))
        } catch {
            try? FileManager.default.removeItem(at: csv)
            let problem: InputProblem =
                switch error {
                case .notAWorkbook: .notAWorkbook
                case .noSuchSheet(let name): .noSuchSheet(name)
                case .damaged(let part): .damagedWorkbook(part)
                }
            throw InputErrors([InputError(file: file, problem: problem)])
        }
    }
}

/// Why a workbook cannot be read.
public enum WorkbookError: Error, Hashable, Sendable {
    /// Not an `.xlsx` (not a ZIP, or no workbook in it).
    case notAWorkbook
    /// No sheet of this name (or no sheet at all).
    case noSuchSheet(String)
    /// The sheet's XML is broken at this part.
    case damaged(String)
}
