/// One record of a CSV file: its fields and the line it starts on (1-based).
public struct CSVRecord: Sendable {
    public var fields: [String]
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }

    /// True for a line with nothing on it, which readers skip.
    public var isBlank: Bool {
        fields.allSatisfy { $0.isEmpty }
    }
}

/// A syntax error of the CSV itself (not of its values). A column is counted from 0.
public enum CSVProblem: Sendable, Equatable {
    case invalidUTF8
    case unterminatedQuote
    case nulByte(column: Int)
    case fieldTooLong(column: Int)
}

/// An RFC 4180 reader that is fed bytes in chunks of any size and hands out records as
/// they complete, so a file of any size is read in constant memory.
///
/// It accepts a leading UTF-8 byte-order mark, quoted fields with embedded commas,
/// quotes (`""`) and line breaks, and CRLF or LF line ends. It is lenient where RFC 4180
/// is silent and a spreadsheet would be too: a stray quote inside an unquoted field is
/// kept as a character. It refuses a record with a NUL byte or a field longer than
/// `maximumFieldLength` characters, and drops the quote `CSVWriter` puts before a cell
/// that a spreadsheet would run (FORMATS.md, "Every CSV Quorum writes").
public struct CSVParser: Sendable {
    /// The longest field any Quorum file has a use for.
    public static let maximumFieldLength = 1000

    private enum State: Sendable {
        case fieldStart
        case unquoted
        case quoted
        case quoteInQuoted
        case afterCR
    }

    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var line = 1
    private var recordLine = 1
    private var recordProblem: CSVProblem?
    private var atStreamStart = true
    private var bomBytesSeen = 0

    public init() {
        field.reserveCapacity(64)
    }

    /// Feeds the next chunk. `record` receives each completed record; `problem` each
    /// syntax error with the line of the record it spoils (that record is not handed out).
    public mutating func feed(
        _ bytes: some Sequence<UInt8>,
        record: (CSVRecord) throws -> Void,
        problem: (CSVProblem, Int) throws -> Void
    ) rethrows {
        for byte in bytes {
            if atStreamStart {
                // A byte-order mark (EF BB BF) may open the stream; it is not data.
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                if byte == bom[bomBytesSeen] {
                    bomBytesSeen += 1
                    if bomBytesSeen == 3 { atStreamStart = false }
                    continue
                }
                atStreamStart = false
                for earlier in bom.prefix(bomBytesSeen) {
                    try consume(earlier, record: record, problem: problem)
                }
            }
            try consume(byte, record: record, problem: problem)
        }
    }

    /// Ends the stream: hands out the last record if the file does not end with a line break.
    public mutating func finish(
        record: (CSVRecord) throws -> Void,
        problem: (CSVProblem, Int) throws -> Void
    ) rethrows {
        if atStreamStart, bomBytesSeen > 0 {
            atStreamStart = false
            for earlier in [UInt8]([0xEF, 0xBB, 0xBF]).prefix(bomBytesSeen) {
                try consume(earlier, record: record, problem: problem)
            }
        }
        switch state {
        case .quoted:
            try problem(.unterminatedQuote, recordLine)
            field.removeAll(keepingCapacity: true)
            fields.removeAll(keepingCapacity: true)
            state = .fieldStart
        case .fieldStart where fields.isEmpty:
            break
        case .afterCR:
            state = .fieldStart
        default:
            try endRecord(record: record, problem: problem)
        }
    }

    @inline(__always)
    private mutating func consume(
        _ byte: UInt8,
        record: (CSVRecord) throws -> Void,
        problem: (CSVProblem, Int) throws -> Void
    ) rethrows {
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        switch state {
        case .afterCR:
            state = .fieldStart
            if byte == lf { return }
            try consume(byte, record: record, problem: problem)
        case .quoted:
            if byte == quote {
                state = .quoteInQuoted
            } else {
                if byte == lf { line += 1 }
                field.append(byte)
            }
        case .fieldStart, .unquoted, .quoteInQuoted:
            if byte == comma {
                endField()
                state = .fieldStart
            } else if byte == lf || byte == cr {
                try endRecord(record: record, problem: problem)
                line += 1
                recordLine = line
                state = byte == cr ? .afterCR : .fieldStart
            } else if byte == quote && state == .fieldStart {
                state = .quoted
            } else if byte == quote && state == .quoteInQuoted {
                field.append(quote)  // "" inside a quoted field
                state = .quoted
            } else {
                // Text; also a stray quote in an unquoted field, or `"abc"x`, kept as spreadsheets do.
                field.append(byte)
                state = .unquoted
            }
        }
    }

    @inline(__always)
    private mutating func endField() {
        if field.contains(0) {
            recordProblem = recordProblem ?? .nulByte(column: fields.count)
        }
        if CSVWriter.isGuarded(field) { field.removeFirst() }
        if let text = String(validating: field, as: UTF8.self) {
            if field.count > Self.maximumFieldLength && text.count > Self.maximumFieldLength {
                recordProblem = recordProblem ?? .fieldTooLong(column: fields.count)
            }
            fields.append(text)
        } else {
            recordProblem = recordProblem ?? .invalidUTF8
            fields.append(String(decoding: field, as: UTF8.self))
        }
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord(
        record: (CSVRecord) throws -> Void,
        problem: (CSVProblem, Int) throws -> Void
    ) rethrows {
        endField()
        let finished = CSVRecord(fields: fields, line: recordLine)
        fields.removeAll(keepingCapacity: true)
        if let spoiled = recordProblem {
            recordProblem = nil
            try problem(spoiled, finished.line)
        } else {
            try record(finished)
        }
    }
}

extension CSVParser {
    /// Reads a whole text at once. Problems are returned beside the records.
    public static func records(in bytes: some Sequence<UInt8>) -> (records: [CSVRecord], problems: [(CSVProblem, Int)]) {
        var records: [CSVRecord] = []
        var problems: [(CSVProblem, Int)] = []
        parse(bytes, record: { records.append($0) }, problem: { problems.append(($0, $1)) })
        return (records, problems)
    }
}
