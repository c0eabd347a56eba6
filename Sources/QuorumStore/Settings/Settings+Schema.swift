import SQLKit

/// Estate settings with their history (issue 13, item 23; migration 014): one row per
/// revision of an estate's settings, never changed. A vote keeps the settings it was
/// announced with, as the same JSON (`settings`, which supersedes its `ballot_change`,
/// `objection_days` and `counting_days` columns) and the revision they were (0: the defaults).
@Sendable func addEstateSettings(_ db: any SQLDatabase) async throws {
    try await db.create(table: "estate_settings")
        .column("estate_id", type: .bigint, .notNull)
        .column("revision", type: .int, .notNull)
        .column("settings", type: .text, .notNull)
        .column("changed_at", type: .bigint, .notNull)
        .column("changed_by", type: .text, .notNull)
        .column("decided_by", type: .text, .notNull)
        .primaryKey("estate_id", "revision")
        .run()
    try await db.raw("ALTER TABLE votes ADD COLUMN settings TEXT NOT NULL DEFAULT ''").run()
    try await db.raw("ALTER TABLE votes ADD COLUMN settings_revision INT NOT NULL DEFAULT 0").run()
    // The votes there are keep what they had, in the settings' canonical JSON.
    try await db.raw(
        """
        UPDATE votes SET settings = '{"answer_days":7,"ballot_change":' || CAST(ballot_change AS TEXT) || ',"counting_days":'
        || CAST(counting_days AS TEXT) || ',"objection_days":' || CAST(objection_days AS TEXT) || ',"silent_majority":0}'
        """
    ).run()
}
