import Crypto
import QuorumCore
import SQLKit

/// A facility as the store keeps it, with where each of its items stands at the instant read.
public struct StoredFacility: Sendable, Hashable {
    public var estate: Int64
    public var facility: Facility
    /// When it joined the register: a schedule never done counts from this day.
    public var registeredAt: Timestamp
    /// Its schedules and inspection, overdue first (`FacilityStanding.items`).
    public var items: [FacilityStanding]

    public var overdue: [FacilityStanding] { items.filter(\.overdue) }
    public var subject: Subject { FacilitiesStore.subject(estate: estate, code: facility.code) }
}

/// What an import of `facilities.csv` did.
public struct FacilitiesImportResult: Sendable, Hashable {
    public var added: Int
    public var updated: Int
    public var unchanged: Int

    public init(added: Int, updated: Int, unchanged: Int) {
        (self.added, self.updated, self.unchanged) = (added, updated, unchanged)
    }
}

/// The facilities register (RULES.md §9): importing `facilities.csv`, reading facilities with
/// their schedules' standing, the estate's own schedules.
extension FacilitiesStore {
    public static func subject(estate: Int64, code: String) -> Subject { Subject(estate: estate, kind: "facility", id: code) }

    /// Imports an estate's `facilities.csv` in one transaction: every row checked first
    /// (`Facility.read`, against the estate's register and facilities); with any bad row it
    /// throws `InputErrors` and writes nothing. Otherwise new facilities are added, changed ones
    /// updated, and one audit-log entry names the file by its SHA-256; a file that changes
    /// nothing writes nothing.
    @discardableResult
    public func importFacilities(_ bytes: [UInt8], file: String, estate: Int64, actor: String) async throws -> FacilitiesImportResult {
        // An Excel workbook is read as its first sheet, its errors placed at their cells.
        let (csv, place) = try Workbook.csv(of: bytes, file: file)
        return try await writing { db in
            let existing = try await facilities(of: estate, on: db)
            let rows: [Facility]
            do {
                rows = try Facility.read(csv: csv, file: file, places: try await places(of: estate, on: db), existing: existing.map(\.facility))
            } catch let failure as InputErrors {
                throw InputErrors(place(failure.errors))
            }
            let now = clock()
            var result = FacilitiesImportResult(added: 0, updated: 0, unchanged: 0)
            for row in rows {
                let old = existing.first { $0.facility.code == row.code }?.facility
                if old == row {
                    result.unchanged += 1
                    continue
                }
                if old != nil {
                    try await db.raw("DELETE FROM facilities WHERE estate_id = \(bind: estate) AND code = \(bind: row.code)").run()
                    result.updated += 1
                } else {
                    result.added += 1
                }
                let registered = existing.first { $0.facility.code == row.code }?.registeredAt ?? now
                try await db.raw(
                    """
                    INSERT INTO facilities (estate_id, code, kind, name, building, entrance, location, maker, model, installed, certificate,
                    inspection_due, service_company, registered_at) VALUES (\(bind: estate), \(bind: row.code), \(bind: row.kind.rawValue),
                    \(bind: row.name), \(bind: row.building), \(bind: row.entrance), \(bind: row.location), \(bind: row.maker),
                    \(bind: row.model), \(bind: row.installed), \(bind: row.certificate), \(bind: row.inspectionDue),
                    \(bind: row.serviceCompany), \(bind: registered.millisecondsSinceEpoch))
                    """
                ).run()
            }
            guard result.added + result.updated > 0 else { return result }
            let event = AuditEvent.facilitiesImported(
                file: LogDocument(name: file, sha256: hex(SHA256.hash(data: bytes))), added: result.added, updated: result.updated, actor: actor)
            _ = try await log.appendAndSign(
                [LogEntry(vote: "", time: now, event: event)], subject: Subject(estate: estate, kind: "facilities", id: String(estate)), on: db)
            return result
        }
    }

    /// Every facility of the estate, by code, with its items' standing now.
    public func facilities(of estate: Int64) async throws -> [StoredFacility] {
        try await withConnection { try await facilities(of: estate, on: $0) }
    }

    /// One facility of the estate, or nil.
    public func facility(_ code: String, of estate: Int64) async throws -> StoredFacility? {
        try await withConnection { try await facilities(of: estate, code: code, on: $0).first }
    }

    /// The estate's facilities with an overdue item, those overdue longest first.
    public func overdue(of estate: Int64) async throws -> [StoredFacility] {
        try await facilities(of: estate).filter { !$0.overdue.isEmpty }.sorted { $0.overdue[0].due < $1.overdue[0].due }
    }

    /// The schedules of the estate: the law's, then those it added.
    public func schedules(of estate: Int64) async throws -> [FacilitySchedule] {
        try await withConnection { try await schedules(of: estate, on: $0) }
    }

    /// Adds a schedule of the estate's own (a pump checked every month: `.months(1)`), checked
    /// (`FacilitySchedule.own`), with its audit-log entry: it moves its facilities' due days.
    @discardableResult
    public func addSchedule(kind: FacilityKind, name: String, period: Period, estate: Int64, actor: String) async throws -> FacilitySchedule {
        try await writing { db in
            let count = try await db.raw("SELECT COUNT(*) AS n FROM facility_schedules WHERE estate_id = \(bind: estate)").first(
                decodingColumn: "n", as: Int.self)
            let schedule = try FacilitySchedule.own(id: "own-\((count ?? 0) + 1)", kind: kind, name: name, period: period)
            try await db.raw(
                """
                INSERT INTO facility_schedules (estate_id, id, kind, name, period) VALUES (\(bind: estate), \(bind: schedule.id),
                \(bind: schedule.kind.rawValue), \(bind: schedule.name), \(bind: period.code))
                """
            ).run()
            let event = AuditEvent.facilityScheduleAdded(schedule: schedule.id, kind: kind, name: schedule.name, period: period.code, actor: actor)
            _ = try await log.appendAndSign(
                [LogEntry(vote: "", time: clock(), event: event)], subject: Subject(estate: estate, kind: "facilities", id: String(estate)), on: db)
            return schedule
        }
    }

    func schedules(of estate: Int64, on db: any SQLDatabase) async throws -> [FacilitySchedule] {
        let own = try await db.raw("SELECT * FROM facility_schedules WHERE estate_id = \(bind: estate) ORDER BY id").all().compactMap {
            row -> FacilitySchedule? in
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            guard let kind = FacilityKind(rawValue: try text("kind")), let period = Period(code: try text("period")) else { return nil }
            return FacilitySchedule(id: try text("id"), kind: kind, period: period, name: try text("name"))
        }
        return FacilitySchedule.law + own
    }

    func facilities(of estate: Int64, code: String? = nil, on db: any SQLDatabase) async throws -> [StoredFacility] {
        let rows = try await db.raw(
            "SELECT * FROM facilities WHERE estate_id = \(bind: estate) AND (\(bind: code ?? "") = '' OR code = \(bind: code ?? "")) ORDER BY code"
        ).all()
        let schedules = try await schedules(of: estate, on: db)
        var last: [String: [String: String]] = [:]
        for row in try await db.raw(
            """
            SELECT code, item, MAX(day) AS day FROM facility_records WHERE estate_id = \(bind: estate)
            AND (\(bind: code ?? "") = '' OR code = \(bind: code ?? "")) GROUP BY code, item
            """
        ).all() {
            last[try row.decode(column: "code", as: String.self), default: [:]][try row.decode(column: "item", as: String.self)] =
                try row.decode(column: "day", as: String.self)
        }
        let now = clock()
        return try rows.compactMap { row in
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            guard let kind = FacilityKind(rawValue: try text("kind")) else { return nil }
            let facility = Facility(
                code: try text("code"), kind: kind, name: try text("name"), building: try text("building"), entrance: try text("entrance"),
                location: try text("location"), maker: try text("maker"), model: try text("model"), installed: try text("installed"),
                certificate: try text("certificate"), inspectionDue: try text("inspection_due"), serviceCompany: try text("service_company"))
            let registered = Timestamp(millisecondsSinceEpoch: try row.decode(column: "registered_at", as: Int64.self))
            let items = FacilityStanding.items(
                of: facility, schedules: schedules, lastDone: last[facility.code] ?? [:], registered: registered, now: now)
            return StoredFacility(estate: estate, facility: facility, registeredAt: registered, items: items)
        }
    }

    /// The buildings of the estate's register, each with its entrances.
    func places(of estate: Int64, on db: any SQLDatabase) async throws -> EstatePlaces {
        var entrances: [String: Set<String>] = [:]
        for row in try await db.raw(
            """
            SELECT b.name AS building, e.name AS entrance FROM divisions b LEFT JOIN divisions e ON e.parent_id = b.id
            AND e.level = \(bind: DivisionLevel.entrance.rawValue)
            WHERE b.parent_id = \(bind: estate) AND b.level = \(bind: DivisionLevel.building.rawValue)
            """
        ).all() {
            let building = try row.decode(column: "building", as: String.self)
            let entrance = try row.decode(column: "entrance", as: String?.self)
            entrances[building, default: []].formUnion(entrance.map { [$0] } ?? [])
        }
        return EstatePlaces(entrances: entrances)
    }
}
