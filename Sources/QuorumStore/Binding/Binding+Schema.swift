import SQLKit

/// Binding an owner's identity: one-time codes' attempts, bindings and owners' sessions
/// (part of migration 002).
@Sendable func createBindingTables(_ db: any SQLDatabase) async throws {
    // An attempt holds a one-time code's keyed hash.
    try await db.create(table: "binding_attempts")
        .column("id", type: .text, .primaryKey(autoIncrement: false))
        .column("estate_id", type: .bigint, .notNull)
        .column("id_hash", type: .text, .notNull)
        .column("phone_hash", type: .text, .notNull)
        .column("address", type: .text, .notNull)
        .column("code_hash", type: .text, .notNull)
        .column("created_at", type: .bigint, .notNull)
        .column("expires_at", type: .bigint, .notNull)
        .column("tries", type: .int, .notNull, .default(0))
        .column("used", type: .int, .notNull, .default(0))
        .run()
    try await db.create(index: "binding_attempts_phone").on("binding_attempts").column("phone_hash").column("created_at").run()
    try await db.create(index: "binding_attempts_address").on("binding_attempts").column("address").column("created_at").run()
    try await db.create(table: "bindings")
        .column("estate_id", type: .bigint, .notNull)
        .column("id_hash", type: .text, .notNull)
        .column("method", type: .text, .notNull)
        .column("bound_at", type: .bigint, .notNull)
        .primaryKey("estate_id", "id_hash")
        .run()
    // Sessions by the hash of their token: a copy of the database logs nobody in.
    try await db.create(table: "sessions")
        .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
        .column("estate_id", type: .bigint, .notNull)
        .column("id_hash", type: .text, .notNull)
        .column("owner_name", type: .text, .notNull)
        .column("csrf", type: .text, .notNull)
        .column("created_at", type: .bigint, .notNull)
        .column("expires_at", type: .bigint, .notNull)
        .column("revoked", type: .int, .notNull, .default(0))
        .run()
}

/// Migration 008: each identity credential's `jti` once per issuer, kept until it expires.
@Sendable func addUsedCredentials(_ db: any SQLDatabase) async throws {
    try await db.create(table: "used_credentials")
        .column("issuer", type: .text, .notNull)
        .column("jti", type: .text, .notNull)
        .column("expires_at", type: .bigint, .notNull)
        .primaryKey("issuer", "jti")
        .run()
}

/// Migration 015 (issue 13, item 21): the street office's changes of an owner's phone, each
/// recorded by one staff member and confirmed by another; the new phone sealed, hashed and
/// masked as the register keeps phones.
@Sendable func addPhoneChanges(_ db: any SQLDatabase) async throws {
    try await db.create(table: "phone_changes")
        .column("id", type: .text, .primaryKey(autoIncrement: false))
        .column("estate_id", type: .bigint, .notNull)
        .column("id_hash", type: .text, .notNull)
        .column("owner_name", type: .text, .notNull)
        .column("id_masked", type: .text, .notNull)
        .column("phone_hash", type: .text, .notNull)
        .column("phone_masked", type: .text, .notNull)
        .column("phone_sealed", type: .text, .notNull)
        .column("reason", type: .text, .notNull)
        .column("requested_by", type: .text, .notNull)
        .column("requested_at", type: .bigint, .notNull)
        .column("confirmed_by", type: .text)
        .column("confirmed_at", type: .bigint)
        .run()
    try await db.create(index: "phone_changes_estate").on("phone_changes").column("estate_id").column("requested_at").run()
}
