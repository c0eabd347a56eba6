/// Reading the log's entries back from their JSON (docs/AUDIT-LOG.md), strictly.
extension LogEntry {
    /// Reads an entry from its JSON: exactly the members of its kind, each well formed.
    /// Returns it with the index it claims, or nil if it is not an entry this version knows.
    public static func read(_ json: JSONText) -> (index: Int, entry: LogEntry)? {
        guard let keys = json.keys, let index = json["index"]?.intValue, index >= 0, let kind = json["kind"]?.stringValue,
            let time = json["time"]?.intValue, let vote = json["vote"]?.stringValue
        else { return nil }
        func string(_ key: String) -> String? { json[key]?.stringValue }
        func hexText(_ key: String, bytes: Int) -> String? {
            guard let text = string(key), ByteText.bytes(hex: text, count: bytes) != nil else { return nil }
            return text
        }
        let event: AuditEvent?
        switch kind {
        case "vote_created":
            event = zip3(string("title"), string("actor"), json["documents"].flatMap(LogDocument.list)).map {
                .voteCreated(title: $0, actor: $1, documents: $2)
            }
        case "notice_published":
            event = zip2(string("actor"), json["documents"].flatMap(LogDocument.list)).map { .noticePublished(actor: $0, documents: $1) }
        case "published":
            event = zip2(string("actor"), json["documents"].flatMap(LogDocument.list)).map { .published(actor: $0, documents: $1) }
        case "vote_opened": event = string("actor").map { .voteOpened(actor: $0) }
        case "vote_closed": event = string("actor").map { .voteClosed(actor: $0) }
        case "paper_complete": event = string("actor").map { .paperComplete(actor: $0) }
        case "ballot":
            event = zip3(hexText("voter", bytes: 16), string("channel").flatMap(Channel.init(rawValue:)), hexText("commitment", bytes: 32))
                .map { .ballot(LoggedBallot(voter: $0, channel: $1, commitment: $2)) }
        case "paper_entered":
            event = zip3(string("paper"), hexText("voter", bytes: 16), string("actor")).map {
                .paperEntered(paper: $0, voter: $1, actor: $2)
            }
        case "paper_confirmed": event = zip2(string("paper"), string("actor")).map { .paperConfirmed(paper: $0, actor: $1) }
        case "conflict":
            event = zip3(hexText("voter", bytes: 16), json["counted"]?.intValue, json["ignored"]?.intValue).map {
                .conflict(voter: $0, counted: $1, ignored: $2)
            }
        case "list_accessed":
            event = zip2(string("list").flatMap(NonVoterList.init(rawValue:)), string("actor")).map { .listAccessed(list: $0, actor: $1) }
        case "exported":
            event = zip2(string("file").flatMap(VoteFile.init(rawValue:)), string("actor")).map { .exported(file: $0, actor: $1) }
        case "reminders_sent": event = zip2(json["count"]?.intValue, string("actor")).map { .remindersSent(count: $0, actor: $1) }
        case "tally": event = zip2(hexText("tally_sha256", bytes: 32), string("actor")).map { .tallied(tallySHA256: $0, actor: $1) }
        case "ticket_filed", "ticket_passed", "ticket_answered": event = ticketEvent(kind, json)
        case "staff_named", "staff_replaced", "staff_account": event = staffEvent(kind, json)
        case "settings_changed":
            event = zip3(json["estate"]?.intValue, json["revision"]?.intValue, EstateSettings(json: json["settings"])).flatMap { head in
                zip3(string("decided_by"), json["documents"].flatMap(LogDocument.list), string("actor")).map {
                    .settingsChanged(estate: Int64(head.0), revision: head.1, settings: head.2, decidedBy: $0, documents: $1, actor: $2)
                }
            }
        case "phone_changed":
            event = zip3(string("change"), string("requested_by"), string("actor")).map {
                .phoneChanged(change: $0, requestedBy: $1, actor: $2)
            }
        case "delivered": event = deliveredEvent(json)
        case _ where BooksEvent.kinds.contains(kind): event = BooksEvent.read(kind, json).map(AuditEvent.books)
        case "facilities_imported", "facility_recorded", "facility_schedule_added": event = facilityEvent(kind, json)
        default: event = nil
        }
        guard let event else { return nil }
        let entry = LogEntry(vote: vote, time: Timestamp(millisecondsSinceEpoch: Int64(time)), event: event)
        // No member beyond those of the kind: the entry must be exactly what we would write.
        guard keys.count == entry.json(index: index).keys?.count else { return nil }
        return (index, entry)
    }
}

extension LogDocument {
    var json: JSONText { .object([("name", .string(name)), ("sha256", .string(sha256))]) }

    static func list(_ json: JSONText) -> [LogDocument]? {
        guard let items = json.arrayValue else { return nil }
        var documents: [LogDocument] = []
        for item in items {
            guard item.keys == ["name", "sha256"], let name = item["name"]?.stringValue, let sha256 = item["sha256"]?.stringValue,
                ByteText.bytes(hex: sha256, count: 32) != nil
            else { return nil }
            documents.append(LogDocument(name: name, sha256: sha256))
        }
        return documents
    }
}

extension [LogDocument] {
    var json: JSONText { .array(map(\.json)) }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

private func zip3<A, B, C>(_ a: A?, _ b: B?, _ c: C?) -> (A, B, C)? {
    guard let a, let b, let c else { return nil }
    return (a, b, c)
}
