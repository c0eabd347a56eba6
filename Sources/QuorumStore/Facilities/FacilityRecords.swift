import Foundation
import QuorumCore
import SQLKit

/// A servicing or inspection of a facility, as recorded (RULES.md §9: records kept).
public struct FacilityRecord: Sendable, Hashable {
    public var id: String
    public var code: String
    /// A schedule's id, or `FacilitySchedule.inspection`.
    public var item: String
    /// The local day it was done, and who did it (a service company, a person).
    public var day: String
    public var by: String
    /// The checklist's result, and a note on it.
    public var passed: Bool
    public var note: String
    /// For a passed inspection: the new certificate's expiry, which becomes the facility's `inspectionDue`.
    public var nextInspection: String
    /// The staff account that recorded it, and when.
    public var recordedBy: String
    public var recordedAt: Timestamp
    public var documents: [AttachedDocument]

    public init(
        id: String = "", code: String, item: String, day: String, by: String, passed: Bool, note: String = "", nextInspection: String = "",
        recordedBy: String = "", recordedAt: Timestamp = Timestamp(millisecondsSinceEpoch: 0), documents: [AttachedDocument] = []
    ) {
        (self.id, self.code, self.item, self.day, self.by, self.passed, self.note) = (id, code, item, day, by, passed, note)
        (self.nextInspection, self.recordedBy, self.recordedAt, self.documents) = (nextInspection, recordedBy, recordedAt, documents)
    }

    public static func subject(estate: Int64, id: String) -> Subject { Subject(estate: estate, kind: "facility_record", id: id) }
}

extension FacilitiesStore {
    /// Records a servicing or inspection of a facility of the estate, with its documents (each
    /// `(name, bytes)`, checked as `DocumentFile`) and its audit-log entry, in one transaction.
    /// Refused (`FacilityError`): no such facility, an item neither of its schedules nor an
    /// inspection (any facility may be inspected), a day that is not a date or is after today, who did it empty,
    /// a text too long, a passed inspection without the next one's date after its day.
    @discardableResult
    public func record(_ input: FacilityRecord, estate: Int64, documents files: [(name: String, bytes: [UInt8])] = [], actor: String) async throws
        -> FacilityRecord
    {
        var record = input
        (record.by, record.note) = (input.by.trimmed, input.note.trimmed)
        record.nextInspection = input.item == FacilitySchedule.inspection && input.passed ? input.nextInspection.trimmed : ""
        let now = clock()
        guard FacilityDays.isDay(record.day), record.day <= FacilityDays.day(of: now) else { throw FacilityError.badDay(record.day) }
        guard !record.by.isEmpty, record.by.count <= FacilityError.maximumText, record.note.count <= FacilityError.maximumText else {
            throw FacilityError.badText
        }
        if record.item == FacilitySchedule.inspection && record.passed {
            guard FacilityDays.isDay(record.nextInspection), record.nextInspection > record.day else { throw FacilityError.nextInspectionMissing }
        }
        let checked = try files.map { (name: $0.name, file: try DocumentFile($0.bytes)) }
        return try await writing { db in
            guard let facility = try await facilities(of: estate, code: record.code, on: db).first else {
                throw FacilityError.noSuchFacility(record.code)
            }
            guard record.item == FacilitySchedule.inspection || facility.items.contains(where: { $0.item == record.item }) else {
                throw FacilityError.noSuchItem(record.item)
            }
            (record.id, record.recordedBy, record.recordedAt) = ("FR" + randomHex(bytes: 8).uppercased(), actor, now)
            try await db.raw(
                """
                INSERT INTO facility_records (id, estate_id, code, item, day, done_by, passed, note, next_inspection, recorded_by,
                recorded_at) VALUES (\(bind: record.id), \(bind: estate), \(bind: record.code), \(bind: record.item), \(bind: record.day),
                \(bind: record.by), \(bind: record.passed ? 1 : 0), \(bind: record.note), \(bind: record.nextInspection), \(bind: actor),
                \(bind: now.millisecondsSinceEpoch))
                """
            ).run()
            if !record.nextInspection.isEmpty {
                try await db.raw(
                    """
                    UPDATE facilities SET inspection_due = \(bind: record.nextInspection) WHERE estate_id = \(bind: estate)
                    AND code = \(bind: record.code)
                    """
                ).run()
            }
            let subject = FacilityRecord.subject(estate: estate, id: record.id)
            for (name, file) in checked { record.documents.append(try await documents.attach(file, named: name, to: subject, by: actor, on: db)) }
            let event = AuditEvent.facilityRecorded(
                record: record.id, facility: record.code, item: record.item, day: record.day, by: record.by, passed: record.passed,
                documents: record.documents.map { LogDocument(name: $0.name, sha256: $0.sha256) }, actor: actor)
            _ = try await log.appendAndSign([LogEntry(vote: "", time: now, event: event)], subject: facility.subject, on: db)
            return record
        }
    }

    /// A facility's timeline: its records, the newest first (by day, then by when recorded).
    public func timeline(of code: String, estate: Int64) async throws -> [FacilityRecord] {
        try await withConnection { db in
            var records: [FacilityRecord] = []
            for row in try await db.raw(
                """
                SELECT * FROM facility_records WHERE estate_id = \(bind: estate) AND code = \(bind: code)
                ORDER BY day DESC, recorded_at DESC, id DESC
                """
            ).all() {
                func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
                let id = try text("id")
                records.append(
                    FacilityRecord(
                        id: id, code: code, item: try text("item"), day: try text("day"), by: try text("done_by"),
                        passed: try row.decode(column: "passed", as: Int.self) == 1, note: try text("note"),
                        nextInspection: try text("next_inspection"), recordedBy: try text("recorded_by"),
                        recordedAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "recorded_at", as: Int64.self)),
                        documents: try await documents.list(of: FacilityRecord.subject(estate: estate, id: id), on: db)))
            }
            return records
        }
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
