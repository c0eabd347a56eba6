/// The columns a CSV format knows, each with its English and Chinese header.
public protocol CSVColumn: CaseIterable, RawRepresentable, Hashable, Sendable where RawValue == String, AllCases == [Self] {
    var chinese: String { get }
    var isRequired: Bool { get }
}

extension CSVColumn {
    /// How errors name the column: `area (建筑面积)`.
    public var label: String { "\(rawValue) (\(chinese))" }
}

/// Where each known column stands in a file whose header may be English or Chinese, in
/// any order, with unknown columns (ignored) among them.
public struct CSVHeader<Column: CSVColumn>: Sendable {
    private var positions: [Int?]

    /// Reads the header record; returns nil and reports errors if a required column is
    /// missing or a column appears twice.
    public init?(_ record: CSVRecord, file: String, errors: inout [InputError]) {
        var positions = [Int?](repeating: nil, count: Column.allCases.count)
        var ok = true
        for (position, name) in record.fields.enumerated() {
            let cleaned = name.trimmed()
            let lowered = cleaned.lowercased()
            guard let column = Column.allCases.firstIndex(where: { $0.rawValue == lowered || $0.chinese == cleaned })
            else { continue }
            if positions[column] != nil {
                errors.append(InputError(file: file, line: record.line, field: Column.allCases[column].label, problem: .duplicateColumn(cleaned)))
                ok = false
            }
            positions[column] = position
        }
        for (offset, column) in Column.allCases.enumerated() where column.isRequired && positions[offset] == nil {
            errors.append(InputError(file: file, line: record.line, problem: .missingColumn(column.label)))
            ok = false
        }
        guard ok else { return nil }
        self.positions = positions
    }

    /// How errors name the column at `position` of the file, if it is one this format knows.
    public func label(at position: Int) -> String? {
        positions.firstIndex(of: position).map { Column.allCases[$0].label }
    }

    /// The trimmed value of a column in a record; empty when the column or the field is absent.
    public func value(_ column: Column, in record: CSVRecord) -> String {
        guard let offset = Column.allCases.firstIndex(of: column), let position = positions[offset],
            position < record.fields.count
        else { return "" }
        return record.fields[position].trimmed()
    }
}

extension String {
    /// Without leading and trailing white space (ASCII and the ideographic space U+3000).
    func trimmed() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        let scalars = unicodeScalars.drop(while: \.properties.isWhitespace)
        var end = scalars.endIndex
        while end > scalars.startIndex, scalars[scalars.index(before: end)].properties.isWhitespace {
            end = scalars.index(before: end)
        }
        return String(scalars[scalars.startIndex..<end])
    }
}

/// A CSV file of a known format, read record by record: the first non-blank record is
/// the header, blank lines are skipped, and every error is kept with its line.
public struct CSVTable<Column: CSVColumn>: Sendable {
    public let file: String
    public private(set) var errors: [InputError] = []
    private var header: CSVHeader<Column>?
    private var headerFailed = false

    public init(file: String) {
        self.file = file
    }

    /// The header to read a data record with; nil for the header record itself, for blank
    /// lines, and for every record after a header that could not be used.
    public mutating func header(for record: CSVRecord) -> CSVHeader<Column>? {
        if record.isBlank || headerFailed { return nil }
        guard let header else {
            header = CSVHeader(record, file: file, errors: &errors)
            headerFailed = header == nil
            return nil
        }
        return header
    }

    public mutating func fail(line: Int, column: Column, _ problem: InputProblem) {
        errors.append(InputError(file: file, line: line, field: column.label, problem: problem))
    }

    /// Hands over the errors found so far and forgets them, so that a reader of a huge file
    /// with many bad rows can keep its memory constant.
    public mutating func takeErrors() -> [InputError] {
        defer { errors.removeAll(keepingCapacity: true) }
        return errors
    }

    /// Records a syntax error the CSV parser found.
    public mutating func report(_ problem: CSVProblem, line: Int) {
        switch problem {
        case .invalidUTF8: errors.append(InputError(file: file, line: line, problem: .invalidUTF8))
        case .unterminatedQuote: errors.append(InputError(file: file, line: line, problem: .unterminatedQuote))
        case .nulByte(let column): errors.append(InputError(file: file, line: line, field: name(column), problem: .nulByte))
        case .fieldTooLong(let column):
            errors.append(InputError(file: file, line: line, field: name(column), problem: .fieldTooLong(limit: CSVParser.maximumFieldLength)))
        }
    }

    /// A column by its known name, or by its number (`column 3 (第 3 列)`) in a file whose header is not read yet.
    private func name(_ column: Int) -> String {
        header?.label(at: column) ?? "column \(column + 1) (第 \(column + 1) 列)"
    }

    /// Ends the file: a file without a header is an error.
    public mutating func finish() {
        if header == nil && !headerFailed {
            errors.append(InputError(file: file, problem: .emptyFile))
        }
    }
}

extension CSVParser {
    /// Parses a whole text, handing each record and each syntax error on.
    public static func parse(
        _ bytes: some Sequence<UInt8>, record: (CSVRecord) -> Void, problem: (CSVProblem, Int) -> Void
    ) {
        var parser = CSVParser()
        parser.feed(bytes, record: record, problem: problem)
        parser.finish(record: record, problem: problem)
    }
}
