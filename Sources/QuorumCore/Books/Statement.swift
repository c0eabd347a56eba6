/// The columns of `statement.csv` (FORMATS.md): a bank account's statement, one row per transaction.
public enum StatementColumn: String, CSVColumn {
    case date, time, description, income, expense, balance, counterparty, reference

    public var chinese: String {
        switch self {
        case .date: "交易日期"
        case .time: "交易时间"
        case .description: "摘要"
        case .income: "收入金额"
        case .expense: "支出金额"
        case .balance: "余额"
        case .counterparty: "对方户名"
        case .reference: "流水号"
        }
    }

    public var isRequired: Bool { ![.time, .counterparty, .income, .expense].contains(self) }
}

/// One transaction of a bank statement, checked.
public struct StatementRow: Sendable, Hashable {
    public var line: Int
    /// `YYYY-MM-DD`, and the time as the bank wrote it (may be empty).
    public var date: String
    public var time: String
    public var description: String
    /// Income positive, expense negative.
    public var amount: Money
    public var balance: Money
    public var counterparty: String
    public var reference: String

    public init(
        line: Int, date: String, time: String = "", description: String, amount: Money, balance: Money, counterparty: String = "",
        reference: String
    ) {
        (self.line, self.date, self.time, self.description, self.amount) = (line, date, time, description, amount)
        (self.balance, self.counterparty, self.reference) = (balance, counterparty, reference)
    }

    /// What the import's log entry commits to, one line per row: `date|time|amount|balance|reference|counterparty|description`.
    public var canonicalLine: String {
        [date, time, amount.description, balance.description, reference, counterparty, description].joined(separator: "|")
    }
}

/// Reads and checks a whole `statement.csv` (FORMATS.md) for an account whose balance before
/// the file is `opening` and which has imported the references `imported`: every row's
/// running balance follows from the previous row's stated one (the first from `opening`), no
/// reference twice, amounts > 0 with at most two decimals. Any bad row refuses the whole file,
/// every bad row named with its line and reason.
public enum StatementReader {
    public static func read(_ bytes: some Sequence<UInt8>, file: String, opening: Money, imported: Set<String>) -> Result<[StatementRow], InputErrors>
    {
        var table = CSVTable<StatementColumn>(file: file)
        var rows: [StatementRow] = []
        var previous: (balance: Money, line: Int?)? = (opening, nil)
        var references: [String: Int] = [:]
        CSVParser.parse(
            bytes,
            record: { record in
                guard let header = table.header(for: record) else { return }
                let before = table.errors.count
                func value(_ column: StatementColumn) -> String { header.value(column, in: record) }
                func fail(_ column: StatementColumn, _ problem: InputProblem) { table.fail(line: record.line, column: column, problem) }
                func money(_ column: StatementColumn, required: Bool = false) -> Money? {
                    let text = value(column)
                    if text.isEmpty {
                        if required { fail(column, .missingField) }
                        return nil
                    }
                    switch Money.parse(text) {
                    case .success(let money): return money
                    case .failure(.negative): fail(column, .moneyNegative(text))
                    case .failure(.tooManyDecimals): fail(column, .moneyTooPrecise(text))
                    case .failure: fail(column, .notANumber(text))
                    }
                    return nil
                }
                let dateText = value(.date)
                let date = BookDate.parse(dateText)
                if dateText.isEmpty { fail(.date, .missingField) } else if date == nil { fail(.date, .invalidBankDate(dateText)) }
                let time = value(.time)
                if !time.isEmpty && Timestamp.parse("2000-01-01 " + time) == nil { fail(.time, .invalidBankDate(time)) }
                let description = value(.description)
                if description.isEmpty { fail(.description, .missingField) }
                let reference = value(.reference)
                if reference.isEmpty {
                    fail(.reference, .missingField)
                } else if imported.contains(reference) {
                    fail(.reference, .duplicateReference(firstLine: nil))
                } else if let first = references[reference] {
                    fail(.reference, .duplicateReference(firstLine: first))
                } else {
                    references[reference] = record.line
                }
                let amountErrors = table.errors.count
                let income = money(.income)
                let expense = money(.expense)
                let balance = money(.balance, required: true)
                var amount: Money?
                if table.errors.count == amountErrors {
                    switch (income?.fen ?? 0, expense?.fen ?? 0) {
                    case (0, 0): fail(.income, .noAmount)
                    case (let cash, 0): amount = Money(fen: cash)
                    case (0, let cash): amount = Money(fen: -cash)
                    default: fail(.expense, .bothAmounts)
                    }
                }
                if let amount, let balance, let previous, previous.balance + amount != balance {
                    fail(.balance, .balanceDoesNotFollow(expected: (previous.balance + amount).description, previousLine: previous.line))
                }
                // The next row follows from this one's stated balance, so one mistyped balance names its own line and the next.
                previous = balance.map { ($0, record.line) }
                guard table.errors.count == before, let date, let amount, let balance else { return }
                rows.append(
                    StatementRow(
                        line: record.line, date: date, time: time, description: description, amount: amount, balance: balance,
                        counterparty: value(.counterparty), reference: reference))
            }, problem: { table.report($0, line: $1) })
        table.finish()
        return table.errors.isEmpty ? .success(rows) : .failure(InputErrors(table.errors))
    }
}

/// A recorded entry or an imported bank row, as matching sees it.
public struct MatchItem: Sendable, Hashable {
    public var id: String
    public var date: String
    /// Income positive, expense negative.
    public var amount: Money
    public var counterparty: String

    public init(id: String, date: String, amount: Money, counterparty: String) {
        (self.id, self.date, self.amount, self.counterparty) = (id, date, amount, counterparty)
    }
}

/// Matching bank rows to recorded entries (issue 14): the same amount in the same direction,
/// dates at most `days` apart, the same counterparty when both name one. Each row, in order,
/// takes the closest unmatched entry by date (ties: the earlier listed); the rest are matched
/// by hand.
public enum Reconciliation {
    public static let days = 3

    public static func matches(_ row: MatchItem, _ entry: MatchItem) -> Bool {
        guard row.amount == entry.amount, let apart = BookDate.days(from: row.date, to: entry.date), abs(apart) <= days else { return false }
        return row.counterparty.isEmpty || entry.counterparty.isEmpty || row.counterparty == entry.counterparty
    }

    /// Pairs of (row id, entry id).
    public static func match(rows: [MatchItem], entries: [MatchItem]) -> [(row: String, entry: String)] {
        var free = entries
        var pairs: [(row: String, entry: String)] = []
        for row in rows {
            let candidates = free.indices.filter { matches(row, free[$0]) }
            guard let best = candidates.min(by: { distance(row, free[$0]) < distance(row, free[$1]) }) else { continue }
            pairs.append((row.id, free.remove(at: best).id))
        }
        return pairs
    }

    private static func distance(_ a: MatchItem, _ b: MatchItem) -> Int { abs(BookDate.days(from: a.date, to: b.date) ?? .max) }
}
