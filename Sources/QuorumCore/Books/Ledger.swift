/// The money accounts of an estate (RULES.md §7): the public income (公共收益, Civil Code Art.
/// 282), the maintenance fund (维修资金, Order 165) with a sub-account for every unit, and, where
/// the property company is paid a fixed fee or works as a trustee, the property service fund.
public enum AccountKind: String, Sendable, Hashable, CaseIterable {
    case publicIncome = "public-income"
    case maintenanceFund = "maintenance-fund"
    case propertyServiceFund = "property-service-fund"
}

/// How the property company is paid (RULES.md §7): under 包干制 (lump sum) the fees are the
/// company's; under 酬金制 (remuneration) and 信托制 (trust) they are the owners' money,
/// accounted to them in the property service fund.
public enum FeeModel: String, Sendable, Hashable, CaseIterable {
    case lumpSum = "lump_sum"
    case remuneration
    case trust

    /// Whether the estate keeps a property service fund.
    public var hasServiceFund: Bool { self != .lumpSum }
}

/// One account of an estate's ledger: a money account, or a unit's sub-account of the
/// maintenance fund (Order 165 Arts. 30-31: deposits and income allocated per unit).
public struct LedgerAccount: Sendable, Hashable, CustomStringConvertible {
    public var kind: AccountKind
    /// The register's unit id, for a unit's maintenance-fund sub-account.
    public var unit: String?

    public init(_ kind: AccountKind, unit: String? = nil) {
        (self.kind, self.unit) = (kind, kind == .maintenanceFund ? unit : nil)
    }

    /// `public-income`, `maintenance-fund`, `maintenance-fund/<unit>`.
    public var description: String { unit.map { "\(kind.rawValue)/\($0)" } ?? kind.rawValue }

    public init?(code: String) {
        let parts = code.split(separator: "/", maxSplits: 1).map(String.init)
        guard let kind = parts.first.flatMap(AccountKind.init(rawValue:)), parts.count == 1 || kind == .maintenanceFund else { return nil }
        self.init(kind, unit: parts.count == 2 ? parts[1] : nil)
    }

    /// Every account of an estate with these units (in register order) and this fee model.
    public static func chart(units: [String], feeModel: FeeModel) -> [LedgerAccount] {
        [LedgerAccount(.publicIncome), LedgerAccount(.maintenanceFund)] + units.map { LedgerAccount(.maintenanceFund, unit: $0) }
            + (feeModel.hasServiceFund ? [LedgerAccount(.propertyServiceFund)] : [])
    }
}

/// What an entry does to its account.
public enum EntryKind: String, Sendable, Hashable, CaseIterable {
    /// The balance the account held when it was opened in Quorum.
    case opening
    case income
    case expense
}

/// One line of an entry: an amount on an account (positive debit, negative credit).
public struct Posting: Sendable, Hashable {
    public var account: String
    public var amount: Money
}

/// A ledger entry as recorded: append-only; a correction is a new entry that reverses the one
/// it `corrects`, never an edit (RULES.md §7).
public struct LedgerEntry: Sendable, Hashable {
    public var id: String
    public var account: LedgerAccount
    public var kind: EntryKind
    /// Positive (an opening balance may be zero); its direction is the kind's.
    public var amount: Money
    public var category: String
    public var counterparty: String
    /// The local day, `YYYY-MM-DD`.
    public var date: String
    public var description: String
    /// The entry this one reverses, if it is a correction.
    public var corrects: String?

    public init(
        id: String, account: LedgerAccount, kind: EntryKind, amount: Money, category: String = "", counterparty: String = "",
        date: String, description: String = "", corrects: String? = nil
    ) {
        (self.id, self.account, self.kind, self.amount, self.category) = (id, account, kind, amount, category)
        (self.counterparty, self.date, self.description, self.corrects) = (counterparty, date, description, corrects)
    }

    /// What the entry adds to its account's balance: income and opening in, expense out; the
    /// opposite for a reversal.
    public var signed: Money {
        let value = kind == .expense ? -amount : amount
        return corrects == nil ? value : -value
    }

    /// The double entry: the account, and the income, expense or opening-balance account
    /// opposite; the amounts add up to zero.
    public var postings: [Posting] {
        let other =
            switch kind {
            case .opening: "equity:opening"
            case .income: "income:\(category)"
            case .expense: "expense:\(category)"
            }
        return [Posting(account: account.description, amount: signed), Posting(account: other, amount: -signed)]
    }

    /// The reversing entry that corrects this one (same account, kind and amount, opposite effect).
    public func reversal(id: String, date: String, description: String) -> LedgerEntry {
        LedgerEntry(
            id: id, account: account, kind: kind, amount: amount, category: category, counterparty: counterparty, date: date,
            description: description, corrects: self.id)
    }

    /// The entry checked as it would be recorded: trimmed texts, a real day, a positive amount
    /// (an opening balance may be zero), a category for income and expense.
    public func checked() throws(BooksError) -> LedgerEntry {
        var entry = self
        entry.category = try BookText.check(category, required: kind != .opening)
        entry.counterparty = try BookText.check(counterparty)
        entry.description = try BookText.check(description)
        guard let date = BookDate.parse(date) else { throw .badDate(date) }
        entry.date = date
        guard amount.fen > 0 || (kind == .opening && amount.fen == 0) else { throw .amountNotPositive }
        return entry
    }
}

/// The balances of a ledger from its approved entries: every account's sum of postings.
public enum Ledger {
    public static func balances(_ approved: [LedgerEntry]) -> [String: Money] {
        var balances: [String: Money] = [:]
        for posting in approved.lazy.flatMap(\.postings) { balances[posting.account, default: .zero] += posting.amount }
        return balances
    }
}

/// The texts of an entry: trimmed, at most `maximumCharacters`, no NUL.
public enum BookText {
    public static let maximumCharacters = 500

    public static func check(_ raw: String, required: Bool = false) throws(BooksError) -> String {
        let text = raw.trimmed()
        guard text.count <= maximumCharacters, !text.unicodeScalars.contains("\u{0}") else { throw .badText }
        guard !required || !text.isEmpty else { throw .textRequired }
        return text
    }
}

/// The local days a bank or a clerk writes: `2026-03-31`, `2026/3/31`, `20260331`.
public enum BookDate {
    /// The day as `YYYY-MM-DD`, or nil when it is not a real day in one of the three forms.
    public static func parse(_ text: String) -> String? {
        let separator: Character = text.contains("/") ? "/" : "-"
        let slash = separator != "-"
        let parts =
            text.utf8.count == 8 && !text.contains("-") && !slash
            ? [text.prefix(4), text.dropFirst(4).prefix(2), text.suffix(2)] : text.split(separator: separator, omittingEmptySubsequences: false)
        let widths = slash ? [4...4, 1...2, 1...2] : [4...4, 2...2, 2...2]
        guard parts.count == 3, zip(parts, widths).allSatisfy({ $1.contains($0.count) && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } })
        else { return nil }
        let canonical = [parts[0], parts[1], parts[2]].map { $0.count == 1 ? "0" + $0 : String($0) }.joined(separator: "-")
        return Timestamp.parse(canonical + " 00:00") == nil ? nil : canonical
    }

    /// Whole days from `a` to `b` (two days as `parse` writes them), nil if either is not one.
    public static func days(from a: String, to b: String) -> Int? {
        guard let start = Timestamp.parse(a + " 00:00"), let end = Timestamp.parse(b + " 00:00") else { return nil }
        return Int((end.millisecondsSinceEpoch - start.millisecondsSinceEpoch) / 86_400_000)
    }
}
