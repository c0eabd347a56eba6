import QuorumCore
import QuorumStore
import QuorumTestSupport
import SQLKit
import Testing

/// The one document store on both databases: files kept once by their bytes, their type read
/// from the bytes, and each subject's attachments its own.
@Suite struct DocumentStoreTests {
    static let pdf = Array("%PDF-1.7 the rules of procedure".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46]

    /// A store with VotingTests' register imported, a draft in it, and its subject.
    func withDraft(_ database: TestDatabase, _ body: (Store, Subject) async throws -> Void) async throws {
        try await database.withEstate(registry: VotingTests.registry, estate: EstatePath(street: "八大峡街道", estate: "天汇广场")) {
            store, estate, clock in
            let now = clock.current.millisecondsSinceEpoch
            let draft = try await store.organising.createDraft(
                estate: estate, definition: VotingTests.definition, opensAt: Timestamp(millisecondsSinceEpoch: now + 20 * 86_400_000),
                closesAt: Timestamp(millisecondsSinceEpoch: now + 30 * 86_400_000), actor: "c1")
            try await body(store, draft.subject)
        }
    }

    func attach(_ store: Store, _ bytes: [UInt8], named name: String, to subject: Subject) async throws -> AttachedDocument {
        try await store.withConnection { db in
            try await store.documents.attach(try DocumentFile(bytes), named: name, to: subject, by: "c1", on: db)
        }
    }

    func storedFiles(_ store: Store) async throws -> Int {
        try await store.withConnection { try await $0.raw("SELECT COUNT(*) AS n FROM documents").first(decodingColumn: "n", as: Int.self) ?? -1 }
    }

    @Test(arguments: TestDatabase.available)
    func equalBytesAreStoredOnceWhereverTheyAreAttached(_ database: TestDatabase) async throws {
        try await withDraft(database) { store, vote in
            // setup: the same bytes twice on the vote, under two names, and once on a ledger entry
            let entry = Subject(estate: vote.estate, kind: "entry", id: "E-1")
            let first = try await store.organising.addDocument(to: vote.id, name: "规则.pdf", bytes: Self.pdf, actor: "c1")
            let again = try await store.organising.addDocument(to: vote.id, name: "rules-copy.pdf", bytes: Self.pdf, actor: "c1")
            let elsewhere = try await attach(store, Self.pdf, named: "invoice.pdf", to: entry)
            // check: one file, three attachments, each read back whole
            #expect(try await storedFiles(store) == 1)
            #expect([first.number, again.number, elsewhere.number] == [1, 2, 1])
            #expect(Set([first.sha256, again.sha256, elsewhere.sha256]) == [try DocumentFile(Self.pdf).sha256])
            #expect(try await store.documents.list(of: vote).map(\.name) == ["规则.pdf", "rules-copy.pdf"])
            #expect(try await store.documents.read(vote, number: 2)?.bytes == Self.pdf)
            #expect(try await store.documents.read(entry, number: 1)?.bytes == Self.pdf)
            #expect(try await store.documents.bytes(sha256: first.sha256) == Self.pdf)
            // act: other bytes are another file
            _ = try await attach(store, Self.png, named: "plan.png", to: entry)
            #expect(try await storedFiles(store) == 2)
            #expect(try await store.documents.bytes(sha256: String(repeating: "0", count: 64)) == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theTypeIsReadFromTheBytesNotFromTheName(_ database: TestDatabase) async throws {
        try await withDraft(database) { store, vote in
            // act: each file named as something it is not
            let png = try await attach(store, Self.png, named: "photo.pdf", to: vote)
            let jpeg = try await attach(store, Self.jpeg, named: "scan.png", to: vote)
            let pdf = try await attach(store, Self.pdf, named: "rules.jpg", to: vote)
            // check
            #expect([png.mediaType, jpeg.mediaType, pdf.mediaType] == ["image/png", "image/jpeg", "application/pdf"])
            #expect(try await store.documents.read(vote, number: 1)?.attachment.mediaType == "image/png")
            #expect(try await store.documents.list(of: vote).map(\.size) == [Self.png.count, Self.jpeg.count, Self.pdf.count])
            #expect(throws: DocumentError.unknownType) { try DocumentFile(Array("GIF89a".utf8)) }
            #expect(throws: DocumentError.unknownType) { try DocumentFile(Array("MZ, an executable named rules.pdf".utf8)) }
            #expect(throws: DocumentError.unknownType) { try DocumentFile([]) }
            #expect(throws: DocumentError.tooLarge(limit: DocumentFile.maximumBytes)) {
                try DocumentFile(Self.pdf + [UInt8](repeating: 0x20, count: DocumentFile.maximumBytes))
            }
            #expect(
                try DocumentFile(Self.pdf + [UInt8](repeating: 0x20, count: DocumentFile.maximumBytes - Self.pdf.count)).bytes.count
                    == DocumentFile.maximumBytes)
        }
    }

    @Test(arguments: TestDatabase.available)
    func eachSubjectHasItsOwnDocumentsAndNumbers(_ database: TestDatabase) async throws {
        try await withDraft(database) { store, vote in
            // setup: the same id as another kind, and the same kind and id in another estate
            let entry = Subject(estate: vote.estate, kind: "entry", id: vote.id)
            let otherEstate = Subject.vote(vote.id, estate: vote.estate + 1)
            _ = try await attach(store, Self.pdf, named: "a.pdf", to: vote)
            _ = try await attach(store, Self.png, named: "b.png", to: vote)
            _ = try await attach(store, Self.jpeg, named: "c.jpg", to: entry)
            _ = try await attach(store, Self.png, named: "d.png", to: otherEstate)
            // check
            #expect(try await store.documents.list(of: vote).map(\.name) == ["a.pdf", "b.png"])
            #expect(try await store.documents.list(of: entry).map(\.name) == ["c.jpg"])
            #expect(try await store.documents.list(of: otherEstate).map(\.name) == ["d.png"])
            #expect(try await store.documents.list(of: Subject(estate: vote.estate, kind: "facility", id: "F1")).isEmpty)
            #expect(try await store.documents.read(entry, number: 2) == nil)
            #expect(try await store.documents.read(otherEstate, number: 1)?.attachment.name == "d.png")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aSubjectTakesTwentyDocumentsAndADraftOnly(_ database: TestDatabase) async throws {
        try await withDraft(database) { store, vote in
            // setup: twenty documents on the vote
            for number in 1...DocumentFile.maximumCount {
                _ = try await store.organising.addDocument(to: vote.id, name: "\(number).pdf", bytes: Self.pdf + [UInt8(number)], actor: "c1")
            }
            // act and check: the twenty-first is refused, on this subject only
            await #expect(throws: DocumentError.tooMany(limit: 20)) {
                try await store.organising.addDocument(to: vote.id, name: "21.pdf", bytes: Self.pdf, actor: "c1")
            }
            #expect(try await attach(store, Self.pdf, named: "21.pdf", to: Subject(estate: vote.estate, kind: "entry", id: "E")).number == 1)
            await #expect(throws: SetupError.notDraft) {
                try await store.organising.addDocument(to: "no-such-vote", name: "a.pdf", bytes: Self.pdf, actor: "c1")
            }
            #expect(try await store.documents.list(of: vote).count == 20)
        }
    }
}
