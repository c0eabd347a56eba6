import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13: during the notice period the owner's list did not say when an announced vote
/// opens, nor lead to its notice and documents.
@Suite struct AnnouncedVoteTests {
    @Test func theOwnersListShowsAnAnnouncedVoteWithItsOpeningAndItsNotice() async throws {
        try await Estate.with { estate, client in
            // setup: a vote announced today, opening in 16 days
            let store = estate.store
            let now = store.now().millisecondsSinceEpoch
            let day: Int64 = 86_400_000
            let draft = try await store.organising.createDraft(
                estate: estate.estate, definition: VoteDefinition(name: "外墙维修", matters: [Matter(id: "m1", title: "外墙维修", item: 6)]),
                opensAt: Timestamp(millisecondsSinceEpoch: now + 16 * day), closesAt: Timestamp(millisecondsSinceEpoch: now + 30 * day),
                actor: "c1")
            try await store.nameTwoClerks(of: draft.id, estate: estate.estate)
            let announced = try await store.organising.publishNotice(draft.id, actor: "c1")
            let owner = Visitor(client)
            _ = try await owner.bind(estate, name: "甲", idNumber: "110101199001010011")
            // act
            let list = try await owner.get("/votes?lang=en")
            // check: its opening time and the way to its notice, no way to a ballot yet
            #expect(list.body.contains("Not open yet | Opens: \(LocalTime.format(announced.opensAt))"))
            #expect(list.body.contains(#"id="notice-\#(announced.id)""#))
            #expect(!list.body.contains(#"id="open-\#(announced.id)""#))
            #expect(try await owner.get("/votes/\(announced.id)").status == .ok)
        }
    }
}
