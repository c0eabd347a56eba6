/// What a record is about: the estate, and a record by kind and id — a vote (`vote`), later a
/// ledger entry, a facility, a draft. An audit-log entry keeps it beside itself; a document is
/// attached to one.
public struct Subject: Sendable, Hashable {
    public var estate: Int64
    public var kind: String
    public var id: String

    public init(estate: Int64, kind: String, id: String) {
        (self.estate, self.kind, self.id) = (estate, kind, id)
    }

    /// A vote, in its estate.
    public static func vote(_ id: String, estate: Int64) -> Subject { Subject(estate: estate, kind: "vote", id: id) }
}
