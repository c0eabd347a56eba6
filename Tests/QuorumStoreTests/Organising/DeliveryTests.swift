import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// The notice's delivery record (issue 13, item 20): by hand, text, phone or post with the day
/// it happened, a public posting with its photo; each an audit-log entry, a bad one refused.
@Suite struct DeliveryTests {
    let organiser = OrganiserTests()

    func deliveredLines(_ store: Store) async throws -> [String] {
        var lines: [String] = []
        try await store.log.export { page in lines += page.split(separator: "\n").map(String.init).filter { $0.contains(#""kind":"delivered""#) } }
        return lines
    }

    @Test(arguments: TestDatabase.available)
    func aDeliveryIsRecordedWithItsWayAndDayOnceAndLogged(_ database: TestDatabase) async throws {
        try await organiser.withEstate(database) { store, estate, clock in
            // setup: a vote noticed 2024-01-04, open since today, 2024-01-20
            let vote = try await organiser.openVote(store, estate: estate, clock: clock)
            let person = try #require(try await store.organising.persons(of: vote.id).first?.person)
            // act: a text two days ago, recorded twice; a call today (no day given)
            try await store.organising.recordDelivery(vote: vote, person: person, method: .text, day: "2024-01-18", actor: "clerk-1")
            try await store.organising.recordDelivery(vote: vote, person: person, method: .text, day: "2024-01-19", actor: "clerk-2")
            try await store.organising.recordDelivery(vote: vote, person: person, method: .phone, actor: "clerk-1")
            // check: the first record of each way stands, with its day; one entry for each
            let row = try #require(try await store.organising.persons(of: vote.id).first { $0.person == person })
            #expect(row.deliveries == [.text, .phone])
            #expect(row.deliveredOn == [.text: "2024-01-18", .phone: "2024-01-20"])
            let lines = try await deliveredLines(store)
            #expect(lines.count == 2)
            #expect(lines[0].contains(#""actor":"clerk-1","day":"2024-01-18""#) && lines[0].contains(#""method":"text","persons":[\#(person)]"#))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aDayOutsideTheNoticeOrAWayNotRecordedByHandIsRefusedAndChangesNothing(_ database: TestDatabase) async throws {
        try await organiser.withEstate(database) { store, estate, clock in
            let vote = try await organiser.openVote(store, estate: estate, clock: clock)
            let person = try #require(try await store.organising.persons(of: vote.id).first?.person)
            let refused: [(DeliveryMethod, String, DeliveryError)] = [
                (.post, "2024-01-03", .outsideNotice(day: "2024-01-03", from: "2024-01-04", to: "2024-01-20")),
                (.post, "2024-01-21", .outsideNotice(day: "2024-01-21", from: "2024-01-04", to: "2024-01-20")),
                (.post, "2024-02-30", .unreadableDay("2024-02-30")),
                (.post, "20240110", .unreadableDay("20240110")),
                (.online, "", .notRecordable),
                (.posting, "", .notRecordable),
            ]
            for (method, day, error) in refused {
                await #expect(throws: error) {
                    try await store.organising.recordDelivery(vote: vote, person: person, method: method, day: day, actor: "clerk-1")
                }
            }
            await #expect(throws: DeliveryError.photoMissing) {
                try await store.organising.recordPublicPosting(vote: vote, day: "2024-01-19", photo: nil, actor: "c1")
            }
            #expect(try await store.organising.persons(of: vote.id).allSatisfy { $0.deliveries.isEmpty })
            #expect(try await deliveredLines(store).isEmpty)
            #expect(try await store.documents.list(of: OrganisingStore.postingSubject(vote)).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aPostingCoversTheUnreachedWithItsPhotoAndNothingChangesAfterTheCount(_ database: TestDatabase) async throws {
        try await organiser.withEstate(database) { store, estate, clock in
            let vote = try await organiser.openVote(store, estate: estate, clock: clock, closingIn: 1)
            let persons = try await store.organising.persons(of: vote.id).map(\.person)
            try await store.organising.recordDelivery(vote: vote, person: persons[0], method: .hand, day: "2024-01-10", actor: "clerk-1")
            // act: the posting of 2024-01-12 with its photo
            let photo = try DocumentFile(DocumentStoreTests.png)
            let covered = try await store.organising.recordPublicPosting(
                vote: vote, day: "2024-01-12", photo: photo, named: "2024-01-12", actor: "c1")
            // check: everyone else covered, on that day; the photo kept and named in the entry
            #expect(covered == persons.count - 1)
            let rows = try await store.organising.persons(of: vote.id)
            #expect(rows.dropFirst().allSatisfy { $0.deliveredOn == [.posting: "2024-01-12"] })
            #expect(try await store.documents.list(of: OrganisingStore.postingSubject(vote)).map(\.name) == ["2024-01-12"])
            let line = try #require(try await deliveredLines(store).last)
            #expect(line.contains(#""method":"posting","persons":[\#(persons.dropFirst().map(String.init).joined(separator: ","))]"#))
            #expect(line.contains(photo.sha256))
            // Once counted, the record the count read stays as it is.
            clock.advance(minutes: 24 * 60)
            let counted = try #require(try await store.results.settle(vote.id))
            await #expect(throws: DeliveryError.counted) {
                try await store.organising.recordDelivery(vote: counted, person: persons[0], method: .post, day: "2024-01-20", actor: "clerk-1")
            }
            // Nor with the vote as it was read before the count, nor by an owner reading the notice now.
            await #expect(throws: DeliveryError.counted) {
                try await store.organising.recordDelivery(vote: vote, person: persons[0], method: .post, day: "2024-01-20", actor: "clerk-1")
            }
            let jia = try await organiser.owner(store, estate: estate, name: "甲", id: "110101199001010011")
            try await store.organising.recordSeenOnline(vote: vote.id, owner: jia.idHash)
            #expect(try await store.organising.persons(of: vote.id) == rows, "the record the count read")
        }
    }
}
