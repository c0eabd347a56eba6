import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import SQLKit
import Testing

/// Migrations on databases as an older version left them, populated: what each moves or
/// fills comes out as the new code reads it, and nothing the log committed to changes.
@Suite struct UpgradeTests {
    /// The migrations after `last`, which a database migrated through it still lacks.
    static func after(_ last: String) -> [String] {
        Array(Store.migrationIDs.drop { $0 != last }.dropFirst())
    }

    /// Runs `body` on a store migrated through `last` only.
    func withStore(_ database: TestDatabase, through last: String, _ body: (Store) async throws -> Void) async throws {
        try await database.withEmptyDatabase { url in
            let store = try await Store.open(url, secret: "test secret", logKey: LogSigningKey.generate().base64, clock: TestClock.fixed)
            do {
                #expect(try await store.migrate(through: last).last == last)
                try await body(store)
            } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
        }
    }

    /// An estate and a vote in it, written as the version of the database has them.
    func estateAndVote(_ id: String, on db: any SQLDatabase) async throws -> Int64 {
        let estate =
            try await db.raw("INSERT INTO divisions (parent_id, level, name) VALUES (0, 'estate', '天汇广场') RETURNING id")
            .first(decodingColumn: "id", as: Int64.self) ?? 0
        try await addVote(id, estate: estate, on: db)
        return estate
    }

    func addVote(_ id: String, estate: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO votes (id, estate_id, title, definition, opens_at, closes_at, register_revision, total_area, total_heads, created_at)
            VALUES (\(bind: id), \(bind: estate), '电梯维修', \(bind: VotingTests.definition.mattersJSON), 1, 2, 1, 0, 0, 0)
            """
        ).run()
    }

    func exportedLog(_ store: Store) async throws -> String {
        var text = ""
        try await store.log.export { text += $0 }
        return text
    }

    @Test(arguments: TestDatabase.available)
    func theVotesDocumentsMoveIntoTheDocumentStoreByteForByte(_ database: TestDatabase) async throws {
        try await withStore(database, through: "006-log-subject") { store in
            // setup: as 006 left it: a vote with two documents in vote_documents, a second vote
            // sharing one of them, and the log naming them
            let files = [("议事规则.pdf", Array("%PDF-1.4 rules".utf8)), ("plan.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2])]
            let hashes = try files.map { try DocumentFile($0.1).sha256 }
            let estate = try await store.withConnection { db in
                let estate = try await estateAndVote("V1", on: db)
                try await addVote("V2", estate: estate, on: db)
                for (vote, number, (name, bytes)) in [("V1", 1, files[0]), ("V1", 2, files[1]), ("V2", 1, files[0])] {
                    try await db.raw(
                        """
                        INSERT INTO vote_documents (vote_id, number, name, media_type, size, sha256, content, uploaded_at, uploaded_by)
                        VALUES (\(bind: vote), \(bind: number), \(bind: name), \(bind: DocumentFile.mediaType(of: bytes) ?? ""),
                        \(bind: bytes.count), \(bind: try DocumentFile(bytes).sha256), \(bind: Data(bytes).base64EncodedString()), \(bind: number), 'c1')
                        """
                    ).run()
                }
                return estate
            }
            let logged = zip(files, hashes).map { LogDocument(name: $0.0, sha256: $1) }
            try await store.log.append([
                LogEntry(vote: "V1", time: TestClock.start, event: .voteCreated(title: "电梯维修", actor: "c1", documents: [])),
                LogEntry(vote: "V1", time: TestClock.start, event: .noticePublished(actor: "c1", documents: logged)),
            ])
            let logBefore = try await exportedLog(store)
            // act
            #expect(try await store.migrate() == Self.after("006-log-subject"))
            // check: the same numbers, names, types, sizes, hashes and bytes; shared bytes stored once
            let listed = try await store.documents.list(of: .vote("V1", estate: estate))
            #expect(listed.map(\.number) == [1, 2])
            #expect(listed.map(\.name) == files.map(\.0))
            #expect(listed.map(\.mediaType) == ["application/pdf", "image/png"])
            #expect(listed.map(\.size) == files.map(\.1.count))
            #expect(listed.map(\.sha256) == hashes)
            for (number, (_, bytes)) in files.enumerated() {
                #expect(try await store.documents.read(.vote("V1", estate: estate), number: number + 1)?.bytes == bytes)
            }
            #expect(try await store.documents.list(of: .vote("V2", estate: estate)).map(\.sha256) == [hashes[0]])
            #expect(try await store.documents.bytes(sha256: hashes[0]) == files[0].1)
            let stored = try await store.withConnection {
                try await $0.raw("SELECT COUNT(*) AS n FROM documents").first(decodingColumn: "n", as: Int.self)
            }
            #expect(stored == 2)
            // the log is the same bytes, names the same hashes, and verifies
            #expect(try await exportedLog(store) == logBefore)
            #expect(try (try await store.log.verify().result).get().entries == 2)
            // and the old table is gone
            await #expect(throws: (any Error).self) {
                try await store.withConnection { try await $0.raw("SELECT COUNT(*) AS n FROM vote_documents").run() }
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func theLogSubjectOfEveryEarlierEntryIsItsVoteInItsEstate(_ database: TestDatabase) async throws {
        try await withStore(database, through: "005-organisers") { store in
            // setup: as 005 left it: an entry about a vote, one about a vote not in the table,
            // and one about no vote
            let entries = [
                LogEntry(vote: "V1", time: TestClock.start, event: .voteOpened(actor: "system")),
                LogEntry(vote: "gone", time: TestClock.start, event: .voteClosed(actor: "system")),
                LogEntry(vote: "", time: TestClock.start, event: .voteOpened(actor: "system")),
            ]
            let estate = try await store.withConnection { db in
                let estate = try await estateAndVote("V1", on: db)
                for (index, entry) in entries.enumerated() {
                    let text = entry.json(index: index).canonical
                    try await db.raw(
                        """
                        INSERT INTO audit_entries (entry_index, kind, vote, entry, leaf_hash) VALUES (\(bind: index), \(bind: entry.event.kind),
                        \(bind: entry.vote), \(bind: text), \(bind: ByteText.hex(Merkle.leafHash(text.utf8))))
                        """
                    ).run()
                }
                return estate
            }
            // act
            #expect(try await store.migrate() == Self.after("005-organisers"))
            // check: each subject filled; the entries themselves untouched
            let rows = try await store.withConnection {
                try await $0.raw("SELECT estate_id, subject_kind, subject_id, entry FROM audit_entries ORDER BY entry_index").all()
            }
            #expect(try rows.map { try $0.decode(column: "estate_id", as: Int64.self) } == [estate, 0, 0])
            #expect(try rows.map { try $0.decode(column: "subject_kind", as: String.self) } == ["vote", "vote", ""])
            #expect(try rows.map { try $0.decode(column: "subject_id", as: String.self) } == ["V1", "gone", ""])
            #expect(try rows.map { try $0.decode(column: "entry", as: String.self) } == entries.enumerated().map { $1.json(index: $0).canonical })
        }
    }

    @Test(arguments: TestDatabase.available)
    func aVoteFromBeforeTheSettingsStoreKeepsWhatItHad(_ database: TestDatabase) async throws {
        try await withStore(database, through: "012-ballot-notices") { store in
            // setup: a vote as 012 kept its settings, in columns of its own
            try await store.withConnection { db in
                _ = try await estateAndVote("V1", on: db)
                try await db.raw("UPDATE votes SET ballot_change = 1, objection_days = 4, counting_days = 2 WHERE id = 'V1'").run()
            }
            // every connection the pool may open has read the table as it is before the migration
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await store.withConnection { db in
                            _ = try await db.raw("SELECT * FROM votes").all()
                            try await Task.sleep(for: .milliseconds(50))
                        }
                    }
                }
                try await group.waitForAll()
            }
            // act
            #expect(try await store.migrate() == Self.after("012-ballot-notices"))
            // check: the same settings, read from the vote's settings JSON, under the defaults' revision,
            // on whichever connection reads it (each was opened before the columns were added)
            for _ in 0..<8 {
                #expect(try await store.withConnection { try await $0.raw("SELECT * FROM votes").first()?.allColumns.contains("settings") ?? false })
            }
            let vote = try #require(try await store.voting.vote("V1"))
            #expect(vote.ballotChange && vote.objectionDays == 4 && vote.countingDays == 2 && vote.settings.answerDays == 7)
            #expect(vote.settingsRevision == 0)
        }
    }
}
