import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// Issue 13 on both databases: the delivery record's "seen online" is read only with its log
/// entry, and the log answers who opened which personal data of which estates.
extension OrganiserTests {
    @Test(arguments: TestDatabase.available)
    func seenOnlineIsReadOnlyWithItsLogEntry(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: 甲 has opened the notice online
            let vote = try await openVote(store, estate: estate, clock: clock)
            let jia = try await owner(store, estate: estate, name: "甲", id: "110101199001010011")
            try await store.organising.recordSeenOnline(vote: vote.id, owner: jia.idHash)
            let before = try await logKinds(store).count
            // act: a view without the column, then the committee's
            let hidden = try await store.organising.deliveryRecord(of: vote.id, seenOnlineBy: nil)
            #expect(try await logKinds(store).count == before)
            let shown = try await store.organising.deliveryRecord(of: vote.id, seenOnlineBy: "c1")
            // check: the column only in the second, one entry for it naming the viewer; the count the same
            #expect(hidden.persons.allSatisfy { !$0.deliveries.contains(.online) })
            #expect(shown.persons.filter { $0.deliveries.contains(.online) }.count == 1)
            #expect(hidden.reached == 1 && shown.reached == 1 && hidden.persons.count == shown.persons.count)
            #expect(try await logKinds(store).count == before + 1)
            let access = try await store.log.personalDataAccess(in: [estate], limit: 10)
            #expect(access.map(\.opened) == [.list(.delivery)] && access.first?.actor == "c1" && access.first?.vote == vote.id)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theLogListsWhoOpenedPersonalDataByEstateNewestFirst(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: three openings here, one in another estate's vote
            let vote = try await openVote(store, estate: estate, clock: clock)
            _ = try await store.organising.unboundRooms(of: vote, actor: "c1")
            _ = try await store.organising.deliveryRecord(of: vote.id, seenOnlineBy: "s1")
            clock.advance(minutes: 10 * 24 * 60)
            let counted = try #require(try await store.results.settle(vote.id))
            try await store.results.recordExport(.ballots, of: counted, actor: "c2")
            try await store.results.recordExport(.matters, of: counted, actor: "c3")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("other-\(UUID().uuidString).csv")
            try VotingTests.registry.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let other = try await store.register.importRegister(file: file.path, estate: EstatePath(street: "八大峡街道", estate: "别的小区")).estate.id
            let otherVote = try await openVote(store, estate: other, clock: clock)
            _ = try await store.organising.deliveryRecord(of: otherVote.id, seenOnlineBy: "x1")
            // act
            let all = try await store.log.personalDataAccess(in: [estate], limit: 10)
            let firstTwo = try await store.log.personalDataAccess(in: [estate], limit: 2)
            let rest = try await store.log.personalDataAccess(in: [estate], before: firstTwo.last?.index, limit: 2)
            // check: only this estate's, newest first, paged by index; a non-personal download is not there
            #expect(all.map(\.actor) == ["c2", "s1", "c1"])
            #expect(all.map(\.opened) == [.file(.ballots), .list(.delivery), .list(.unbound)])
            #expect(firstTwo.map(\.actor) == ["c2", "s1"] && rest.map(\.actor) == ["c1"])
            #expect(try await store.log.personalDataAccess(in: [other], limit: 10).map(\.actor) == ["x1"])
            #expect(try await store.log.personalDataAccess(in: [], limit: 10).isEmpty)
        }
    }
}
