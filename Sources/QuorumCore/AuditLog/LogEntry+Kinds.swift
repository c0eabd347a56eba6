/// Reading the entries of the kinds added with tickets, staff and delivery (issue 13), and facilities (issue 15), from their JSON.
extension LogEntry {
    /// The ticket entries' events from their JSON (`read`), nil when one is malformed.
    static func ticketEvent(_ kind: String, _ json: JSONText) -> AuditEvent? {
        let ticket = json["ticket"]?.stringValue
        let due = json["due"]?.intValue.map { Timestamp(millisecondsSinceEpoch: Int64($0)) }
        let desk = json["desk"]?.stringValue.flatMap(TicketDesk.init(rawValue:))
        let sha256 = json["text_sha256"]?.stringValue.flatMap { ByteText.bytes(hex: $0, count: 32) != nil ? $0 : nil }
        switch kind {
        case "ticket_filed":
            guard let ticket, let due, let sha256, let kind = json["ticket_kind"]?.stringValue.flatMap(TicketKind.init(rawValue:)),
                let item = json["item"]?.stringValue, let asker = json["asker"]?.stringValue
            else { return nil }
            return .ticketFiled(ticket: ticket, kind: kind, item: item, asker: asker, due: due, textSHA256: sha256)
        case "ticket_passed":
            guard let ticket, let desk, let due else { return nil }
            return .ticketPassed(ticket: ticket, desk: desk, due: due)
        default:
            guard let ticket, let desk, let sha256, let actor = json["actor"]?.stringValue else { return nil }
            return .ticketAnswered(ticket: ticket, desk: desk, actor: actor, textSHA256: sha256)
        }
    }

    /// The staff entries' events from their JSON (`read`), nil when one is malformed.
    static func staffEvent(_ kind: String, _ json: JSONText) -> AuditEvent? {
        func strings(_ key: String) -> [String]? {
            let items = json[key]?.arrayValue?.compactMap(\.stringValue)
            return items?.count == json[key]?.arrayValue?.count ? items : nil
        }
        guard let actor = json["actor"]?.stringValue else { return nil }
        switch kind {
        case "staff_named":
            guard let clerks = strings("clerks"), let scrutineers = strings("scrutineers") else { return nil }
            return .staffNamed(clerks: clerks, scrutineers: scrutineers, actor: actor)
        case "staff_replaced":
            guard let duty = json["duty"]?.stringValue.flatMap(VoteDuty.init(rawValue:)), let replaced = json["replaced"]?.stringValue,
                let by = json["by"]?.stringValue, let sha256 = json["reason_sha256"]?.stringValue, ByteText.bytes(hex: sha256, count: 32) != nil
            else { return nil }
            return .staffReplaced(duty: duty, replaced: replaced, by: by, reasonSHA256: sha256, actor: actor)
        default:
            guard let account = json["account"]?.stringValue, let change = json["change"]?.stringValue.flatMap(AccountChange.init(rawValue:)),
                let role = json["role"]?.stringValue.flatMap(StaffRole.init(rawValue:)), let division = json["division"]?.intValue
            else { return nil }
            return .staffAccount(account: account, change: change, role: role, division: division, actor: actor)
        }
    }

    /// A `delivered` entry's event from its JSON (`read`), nil when it is malformed.
    static func deliveredEvent(_ json: JSONText) -> AuditEvent? {
        let persons = json["persons"]?.arrayValue?.compactMap(\.intValue)
        guard let method = json["method"]?.stringValue.flatMap(DeliveryMethod.init(rawValue:)), let day = json["day"]?.stringValue,
            let persons, persons.count == json["persons"]?.arrayValue?.count, let documents = json["documents"].flatMap(LogDocument.list),
            let actor = json["actor"]?.stringValue
        else { return nil }
        return .delivered(method: method, day: day, persons: persons, documents: documents, actor: actor)
    }

    /// The facility entries' events from their JSON (`read`), nil when one is malformed.
    static func facilityEvent(_ kind: String, _ json: JSONText) -> AuditEvent? {
        func string(_ key: String) -> String? { json[key]?.stringValue }
        guard let actor = string("actor") else { return nil }
        if kind == "facilities_imported" {
            guard let file = json["file"].flatMap({ LogDocument.list(.array([$0])) })?.first, let added = json["added"]?.intValue,
                let updated = json["updated"]?.intValue
            else { return nil }
            return .facilitiesImported(file: file, added: added, updated: updated, actor: actor)
        }
        if kind == "facility_schedule_added" {
            guard let schedule = string("schedule"), let kind = string("facility_kind").flatMap(FacilityKind.init(rawValue:)),
                let name = string("name"), let period = string("period"), Period(code: period) != nil
            else { return nil }
            return .facilityScheduleAdded(schedule: schedule, kind: kind, name: name, period: period, actor: actor)
        }
        guard let record = string("record"), let facility = string("facility"), let item = string("item"), let day = string("day"),
            let by = string("by"), case .bool(let passed)? = json["passed"], let documents = json["documents"].flatMap(LogDocument.list)
        else { return nil }
        return .facilityRecorded(record: record, facility: facility, item: item, day: day, by: by, passed: passed, documents: documents, actor: actor)
    }

    /// The facility entries' members beyond the common ones (`json(index:)`).
    var facilityMembers: [(String, JSONText)] {
        switch event {
        case .facilitiesImported(let file, let added, let updated, let actor):
            [("file", file.json), ("added", .int(added)), ("updated", .int(updated)), ("actor", .string(actor))]
        case .facilityRecorded(let record, let facility, let item, let day, let by, let passed, let documents, let actor):
            [
                ("record", .string(record)), ("facility", .string(facility)), ("item", .string(item)), ("day", .string(day)), ("by", .string(by)),
                ("passed", .bool(passed)), ("documents", documents.json), ("actor", .string(actor)),
            ]
        case .facilityScheduleAdded(let schedule, let kind, let name, let period, let actor):
            [
                ("schedule", .string(schedule)), ("facility_kind", .string(kind.rawValue)), ("name", .string(name)), ("period", .string(period)),
                ("actor", .string(actor)),
            ]
        default: []
        }
    }
}
