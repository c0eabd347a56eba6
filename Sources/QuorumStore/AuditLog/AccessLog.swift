import QuorumCore
import SQLKit

/// One opening of personal data, as the log records it: a list of rooms seen
/// (`list_accessed`) or a file naming units or owners downloaded (`exported`).
public struct PersonalDataAccess: Sendable, Hashable {
    public enum Opened: Sendable, Hashable {
        case list(NonVoterList)
        case file(VoteFile)
    }

    public var index: Int
    public var time: Timestamp
    public var vote: String
    public var opened: Opened
    /// The staff account's id.
    public var actor: String
}

extension LogStore {
    /// Who opened which personal data of the votes of `estates`, and when (issue 13): the
    /// log's own entries, newest first, at most `limit`, older than entry `before` if given.
    public func personalDataAccess(in estates: [Int64], before: Int? = nil, limit: Int) async throws -> [PersonalDataAccess] {
        guard !estates.isEmpty else { return [] }
        let entries = try await withConnection { db in
            try await db.raw(
                """
                SELECT entry FROM audit_entries WHERE kind IN ('list_accessed', 'exported')
                AND vote IN (SELECT id FROM votes WHERE estate_id IN (\(binds: estates))) AND entry_index < \(bind: before ?? Int.max)
                ORDER BY entry_index DESC LIMIT \(bind: limit)
                """
            ).all(decodingColumn: "entry", as: String.self)
        }
        return entries.compactMap { text in
            guard let (index, entry) = CanonicalJSONReader.parse(text).flatMap(LogEntry.read) else { return nil }
            switch entry.event {
            case .listAccessed(let list, let actor):
                return PersonalDataAccess(index: index, time: entry.time, vote: entry.vote, opened: .list(list), actor: actor)
            case .exported(let file, let actor):
                return PersonalDataAccess(index: index, time: entry.time, vote: entry.vote, opened: .file(file), actor: actor)
            default: return nil
            }
        }
    }
}
