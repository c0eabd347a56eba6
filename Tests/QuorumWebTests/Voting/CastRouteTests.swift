import Foundation
import Hummingbird
import HummingbirdTesting
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// The cast route reads nothing before the store's batch, which then decides: another
/// person's rooms, a vote of another estate and an unsigned ballot are refused, nothing cast.
@Suite struct CastRouteTests {
    @Test func theCastRouteRefusesAnotherPersonsRoomsAnotherEstatesVoteAndNoSignature() async throws {
        try await Estate.with { estate, client in
            // setup: 甲 signed in; 乙's person; a vote of another estate
            let visitor = Visitor(client)
            try await visitor.bind(estate, name: "甲", idNumber: "110101199001010011")
            let mine = try await visitor.person(estate)
            let persons = try await estate.store.organising.persons(of: estate.vote.id)
            let other = try #require(persons.first { String($0.person) != mine }).person
            let csrf = try #require(try await visitor.get("/votes/\(estate.vote.id)/ballot?person=\(mine)").field("csrf"))
            let choices = BallotChoices(["m1": .option(.agree), "e": .candidates(["c1"])]).canonicalJSON
            func cast(_ vote: String, _ person: String, signature: String = "甲") async throws -> Visitor.Page {
                try await visitor.post(
                    "/votes/\(vote)/cast",
                    [("csrf", csrf), ("person", person), ("choices", choices), ("signature_drawn", ""), ("signature_typed", signature)])
            }
            // act and check
            #expect(try await cast(estate.vote.id, String(other)).status == .forbidden)
            #expect(try await cast("nosuchvote", mine).status == .notFound)
            let unsigned = try await cast(estate.vote.id, mine, signature: "")
            #expect(unsigned.status == .ok && unsigned.body.contains(S.needSignature(.zh)))
            #expect(try await estate.store.voting.progress(of: estate.vote).voted.heads == 0)
            // A vote of another estate where the same person is also an owner: not from this session.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("other-\(UUID().uuidString).csv")
            try Data(Estate.registry.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let elsewhere = try await estate.store.register.importRegister(file: file.path, estate: EstatePath(estate: "另一个小区")).estate.id
            let now = estate.store.now().millisecondsSinceEpoch
            let foreign = try await estate.store.voting.createVote(
                estate: elsewhere, definition: Estate.definition, opensAt: Timestamp(millisecondsSinceEpoch: now - 60_000),
                closesAt: Timestamp(millisecondsSinceEpoch: now + 86_400_000))
            let foreignPerson = try #require(try await estate.store.organising.persons(of: foreign.id).first).person
            #expect(try await cast(foreign.id, String(foreignPerson)).status == .notFound)
            #expect(try await estate.store.voting.progress(of: foreign).voted.heads == 0)
            // And the owner's own ballot goes through.
            #expect(try await cast(estate.vote.id, mine).status == .seeOther)
        }
    }
}
