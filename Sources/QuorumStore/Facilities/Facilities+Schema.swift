import SQLKit

/// The facilities register (issue 15, items 8-10; migration 018): each facility of an estate
/// by its code; each servicing or inspection recorded, never changed; the schedules an estate
/// adds to the law's (`FacilitySchedule.law`; `period` `d15` for days, `m3` for months).
@Sendable func createFacilityTables(_ db: any SQLDatabase) async throws {
    var facilities = db.create(table: "facilities").column("estate_id", type: .bigint, .notNull).column("code", type: .text, .notNull)
    for column in ["kind", "name", "building", "entrance", "location", "maker", "model", "installed", "certificate", "inspection_due"] {
        facilities = facilities.column(column, type: .text, .notNull)
    }
    try await facilities.column("service_company", type: .text, .notNull).column("registered_at", type: .bigint, .notNull)
        .primaryKey("estate_id", "code").run()
    try await db.create(table: "facility_records")
        .column("id", type: .text, .primaryKey(autoIncrement: false))
        .column("estate_id", type: .bigint, .notNull)
        .column("code", type: .text, .notNull)
        .column("item", type: .text, .notNull)
        .column("day", type: .text, .notNull)
        .column("done_by", type: .text, .notNull)
        .column("passed", type: .int, .notNull)
        .column("note", type: .text, .notNull)
        .column("next_inspection", type: .text, .notNull)
        .column("recorded_by", type: .text, .notNull)
        .column("recorded_at", type: .bigint, .notNull)
        .run()
    try await db.create(index: "facility_records_code").on("facility_records").column("estate_id").column("code").column("day").run()
    try await db.create(table: "facility_schedules")
        .column("estate_id", type: .bigint, .notNull)
        .column("id", type: .text, .notNull)
        .column("kind", type: .text, .notNull)
        .column("name", type: .text, .notNull)
        .column("period", type: .text, .notNull)
        .primaryKey("estate_id", "id")
        .run()
}
