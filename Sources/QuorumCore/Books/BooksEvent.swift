import Crypto

/// The audit-log entries of the books (docs/AUDIT-LOG.md), one per change of money, in the
/// transaction that makes it; the entry's vote is empty, its subject the entry or the account.
public enum BooksEvent: Hashable, Sendable {
    /// An entry was recorded (an opening balance, an income, an expense, or a reversal of
    /// `corrects`), committing to its content by `contentSHA256` (`LedgerEntry.contentSHA256`).
    case recorded(entry: String, account: String, kind: EntryKind, amount: Int64, corrects: String, contentSHA256: String, actor: String)
    /// The entry moved to `state` (approved, rejected, sent back, or resubmitted as `recorded`),
    /// with the SHA-256 of the reason or answer the store keeps.
    case reviewed(entry: String, state: EntryState, textSHA256: String, actor: String)
    /// Documents (invoice, receipt, contract) were attached to the entry.
    case documented(entry: String, documents: [LogDocument], actor: String)
    /// A bank statement was imported into `account`: the file's SHA-256, and the SHA-256 of its
    /// checked rows (`StatementReader.rowsSHA256`), one entry for the whole file.
    case imported(account: String, fileSHA256: String, rowsSHA256: String, rows: Int, actor: String)

    static let kinds = ["entry_recorded", "entry_reviewed", "entry_documented", "statement_imported"]

    var kind: String {
        switch self {
        case .recorded: Self.kinds[0]
        case .reviewed: Self.kinds[1]
        case .documented: Self.kinds[2]
        case .imported: Self.kinds[3]
        }
    }

    var members: [(String, JSONText)] {
        switch self {
        case .recorded(let entry, let account, let kind, let amount, let corrects, let sha256, let actor):
            [
                ("entry", .string(entry)), ("account", .string(account)), ("entry_kind", .string(kind.rawValue)), ("amount", .int(Int(amount))),
                ("corrects", .string(corrects)), ("content_sha256", .string(sha256)), ("actor", .string(actor)),
            ]
        case .reviewed(let entry, let state, let sha256, let actor):
            [("entry", .string(entry)), ("state", .string(state.rawValue)), ("text_sha256", .string(sha256)), ("actor", .string(actor))]
        case .documented(let entry, let documents, let actor): [("entry", .string(entry)), ("documents", documents.json), ("actor", .string(actor))]
        case .imported(let account, let file, let rows, let count, let actor):
            [
                ("account", .string(account)), ("file_sha256", .string(file)), ("rows_sha256", .string(rows)), ("rows", .int(count)),
                ("actor", .string(actor)),
            ]
        }
    }

    static func read(_ kind: String, _ json: JSONText) -> BooksEvent? {
        func string(_ key: String) -> String? { json[key]?.stringValue }
        func sha(_ key: String) -> String? { string(key).flatMap { ByteText.bytes(hex: $0, count: 32) != nil ? $0 : nil } }
        guard let actor = string("actor") else { return nil }
        switch kind {
        case "entry_recorded":
            guard let entry = string("entry"), let account = string("account"), let entryKind = string("entry_kind").flatMap(EntryKind.init),
                let amount = json["amount"]?.intValue, let corrects = string("corrects"), let sha256 = sha("content_sha256")
            else { return nil }
            return .recorded(
                entry: entry, account: account, kind: entryKind, amount: Int64(amount), corrects: corrects, contentSHA256: sha256, actor: actor)
        case "entry_reviewed":
            guard let entry = string("entry"), let state = string("state").flatMap(EntryState.init), let sha256 = sha("text_sha256") else {
                return nil
            }
            return .reviewed(entry: entry, state: state, textSHA256: sha256, actor: actor)
        case "entry_documented":
            guard let entry = string("entry"), let documents = json["documents"].flatMap(LogDocument.list) else { return nil }
            return .documented(entry: entry, documents: documents, actor: actor)
        default:
            guard let account = string("account"), let file = sha("file_sha256"), let rows = sha("rows_sha256"), let count = json["rows"]?.intValue
            else { return nil }
            return .imported(account: account, fileSHA256: file, rowsSHA256: rows, rows: count, actor: actor)
        }
    }
}

/// The hex SHA-256 of a text's UTF-8 bytes.
public func sha256Hex(_ text: String) -> String { ByteText.hex(SHA256.hash(data: Array(text.utf8))) }

extension LedgerEntry {
    /// The SHA-256 of the entry's canonical JSON: what its log entry commits to.
    public var contentSHA256: String {
        let members: [(String, JSONText)] = [
            ("id", .string(id)), ("account", .string(account.description)), ("kind", .string(kind.rawValue)), ("amount", .int(Int(amount.fen))),
            ("category", .string(category)), ("counterparty", .string(counterparty)), ("date", .string(date)),
            ("description", .string(description)), ("corrects", .string(corrects ?? "")),
        ]
        return ByteText.hex(SHA256.hash(data: JSONText.object(members).canonicalBytes))
    }
}

extension StatementReader {
    /// The SHA-256 of the rows as checked, one `canonicalLine` and a line feed each: what the
    /// import's log entry commits to.
    public static func rowsSHA256(_ rows: [StatementRow]) -> String { sha256Hex(rows.map { $0.canonicalLine + "\n" }.joined()) }
}
