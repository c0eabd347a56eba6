/// The columns of `ballots.csv` (FORMATS.md): one row per (unit, matter).
public enum BallotColumn: String, CSVColumn {
    case unitID = "unit_id"
    case matter
    case choice
    case channel
    case receivedAt = "received_at"

    public var chinese: String {
        switch self {
        case .unitID: "不动产单元号"
        case .matter: "事项"
        case .choice: "表决意见"
        case .channel: "渠道"
        case .receivedAt: "接收时间"
        }
    }

    public var isRequired: Bool { true }
}

/// One row of `ballots.csv`, checked on its own (before the register is consulted).
public struct BallotRow: Hashable, Sendable {
    public var line: Int
    public var unitID: String
    public var matterID: String
    /// As written: an option of a resolution, or candidate ids joined by `;`.
    public var choice: String
    public var channel: Channel
    public var receivedAt: Timestamp

    public init(line: Int, unitID: String, matterID: String, choice: String, channel: Channel, receivedAt: Timestamp) {
        self.line = line
        self.unitID = unitID
        self.matterID = matterID
        self.choice = choice
        self.channel = channel
        self.receivedAt = receivedAt
    }
}

/// Checks the rows of a ballots file one at a time; errors accumulate.
public enum BallotRowReader {
    /// Reads one data record; nil (with errors in `table`) for a bad row or a non-data record.
    public static func read(_ record: CSVRecord, table: inout CSVTable<BallotColumn>) -> BallotRow? {
        guard let header = table.header(for: record) else { return nil }
        let before = table.errors.count
        func value(_ column: BallotColumn, required: Bool = true) -> String {
            let text = header.value(column, in: record)
            if required && text.isEmpty { table.fail(line: record.line, column: column, .missingField) }
            return text
        }
        let unitID = value(.unitID)
        let matterID = value(.matter)
        // An empty choice is lawful for an election (nobody chosen); resolutions check later.
        let choice = value(.choice, required: false)
        let channelText = value(.channel)
        let timeText = value(.receivedAt)
        let channel = Channel.parse(channelText)
        if channel == nil && !channelText.isEmpty {
            table.fail(line: record.line, column: .channel, .unknownValue(channelText, allowed: Channel.spellings))
        }
        let receivedAt = Timestamp.parse(timeText)
        if receivedAt == nil && !timeText.isEmpty {
            table.fail(line: record.line, column: .receivedAt, .invalidTime(timeText))
        }
        guard table.errors.count == before, let channel, let receivedAt else { return nil }
        return BallotRow(
            line: record.line, unitID: unitID, matterID: matterID, choice: choice, channel: channel, receivedAt: receivedAt)
    }

    /// Reads a whole ballots file; returns its valid rows and every error.
    public static func read(csv bytes: some Sequence<UInt8>, file: String = "ballots.csv") -> (rows: [BallotRow], errors: [InputError]) {
        var table = CSVTable<BallotColumn>(file: file)
        var rows: [BallotRow] = []
        CSVParser.parse(
            bytes, record: { if let row = read($0, table: &table) { rows.append(row) } },
            problem: { table.report($0, line: $1) })
        table.finish()
        return (rows, table.errors)
    }
}

/// The columns of a delivery record file: the units whose owners the notice reached.
public enum DeliveryColumn: String, CSVColumn {
    case unitID = "unit_id"

    public var chinese: String { "不动产单元号" }
    public var isRequired: Bool { true }
}

/// The voting persons whose delivery is recorded, for the silent-majority rule.
public struct Deliveries: Sendable {
    public var persons: Set<Int>

    public init(persons: Set<Int>) {
        self.persons = persons
    }

    /// Reads a CSV with a `unit_id` column. A person counts as delivered when any of their
    /// units in scope is listed; a unit unknown to the register is an error.
    public static func read(
        csv bytes: some Sequence<UInt8>, register: Register, electorate: Electorate, file: String = "deliveries.csv"
    ) throws -> Deliveries {
        var table = CSVTable<DeliveryColumn>(file: file)
        var persons = Set<Int>()
        CSVParser.parse(
            bytes,
            record: { record in
                guard let header = table.header(for: record) else { return }
                let unitID = header.value(.unitID, in: record)
                guard let position = register.index(of: unitID) else {
                    table.fail(line: record.line, column: .unitID, unitID.isEmpty ? .missingField : .unknownUnit(unitID))
                    return
                }
                if let person = electorate.person(ofUnit: position) { persons.insert(person) }
            },
            problem: { table.report($0, line: $1) })
        table.finish()
        let errors = table.errors
        guard errors.isEmpty else { throw InputErrors(errors) }
        return Deliveries(persons: persons)
    }
}
