import SQLKit

/// Staff accounts and their sessions (part of migration 005).
@Sendable func createStaffTables(_ db: any SQLDatabase) async throws {
    // Staff (工作人员): committee, property company, clerk, street office, housing bureau,
    // administrator. `division_id` is what the account covers (an estate, a street, a
    // district or city); none for an administrator. Passwords as bcrypt hashes.
    try await db.create(table: "staff")
        .column("id", type: .text, .primaryKey(autoIncrement: false))
        .column("username", type: .text, .notNull)
        .column("display_name", type: .text, .notNull)
        .column("password_hash", type: .text, .notNull)
        .column("role", type: .text, .notNull)
        .column("division_id", type: .bigint)
        .column("created_at", type: .bigint, .notNull)
        .column("failed_logins", type: .int, .notNull, .default(0))
        .column("locked_until", type: .bigint, .notNull, .default(0))
        .run()
    try await db.create(index: "staff_username").unique().on("staff").column("username").run()
    try await db.create(table: "staff_sessions")
        .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
        .column("staff_id", type: .text, .notNull)
        .column("csrf", type: .text, .notNull)
        .column("created_at", type: .bigint, .notNull)
        .column("expires_at", type: .bigint, .notNull)
        .column("revoked", type: .int, .notNull, .default(0))
        .run()
}

/// Migration 009: wrong staff passwords, by address (`a:`) and by address and account (`p:`),
/// kept for the window they are counted over (issue 13).
@Sendable func addSignInFailures(_ db: any SQLDatabase) async throws {
    try await db.create(table: "sign_in_failures")
        .column("key", type: .text, .notNull)
        .column("at", type: .bigint, .notNull)
        .run()
    try await db.create(index: "sign_in_failures_key").on("sign_in_failures").column("key").column("at").run()
}
