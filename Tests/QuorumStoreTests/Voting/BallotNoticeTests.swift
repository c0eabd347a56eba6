import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// Issue 13, item 22, on both databases: every ballot received in a voting person's name is
/// texted to the phones of its owners, once, online or on paper, a spoiled paper one saying
/// so; the owner's list says who voted and how.
extension OrganiserTests {
    @Test(arguments: TestDatabase.available)
    func everyBallotInAnOwnersNameIsTextedToTheOwnersOnce(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: 乙 and 丙 co-own 1-1-201; 甲 owns 1-1-101 and 1-1-102
            let vote = try await openVote(store, estate: estate, clock: clock)
            let yi = try await owner(store, estate: estate, name: "乙", id: "110101199202020022")
            let bing = try await owner(store, estate: estate, name: "丙", id: "110101199303030033")
            let shared = try #require(try await store.voting.voters(in: vote.id, owner: yi.idHash).first)
            let sender = RecordingSender()
            #expect(try await store.voting.noticeBallots(sender: sender) == 0, "nothing received yet")
            // act: 乙 votes online for the shared rooms; 甲's paper ballot, unsigned, is entered twice
            _ = try await store.voting.castOnline(
                vote: vote.id, person: shared.person, owner: yi.idHash, choices: VotingTests.choices, signature: .typed("乙"))
            let jia = try await owner(store, estate: estate, name: "甲", id: "110101199001010011")
            let jiaPerson = try #require(try await store.voting.voters(in: vote.id, owner: jia.idHash).first?.person)
            let code = try #require(try await store.paper.ballots(of: vote.id).first { $0.person == jiaPerson }?.code)
            let unsigned = DoubleEntry.marks(VotingTests.choices, signed: false, vote: vote.definition)
            try await store.enterPaper(vote: vote, code: code, clerk: "A", choices: unsigned)
            try await store.enterPaper(vote: vote, code: code, clerk: "B", choices: unsigned)
            let sent = try await store.voting.noticeBallots(sender: sender)
            // check: both co-owners are told of 乙's ballot, 甲 of the spoiled paper one; never twice
            let texts = sender.sent.withLock { $0 }
            #expect(sent == 3 && texts.count == 3)
            #expect(Set(texts.filter { $0.body.contains("1-1-201") }.map(\.0)) == ["13800000002", "13800000003"])
            let paper = try #require(texts.first { $0.0 == "13800000001" }?.body)
            #expect(paper.contains("线下") && paper.contains("废票") && paper.contains("spoiled"))
            #expect(try await store.voting.noticeBallots(sender: sender) == 0)
            // the co-owner's list names who voted, and how
            let seen = try #require(try await store.voting.voters(in: vote.id, owner: bing.idHash).first)
            #expect(seen.coOwner == "乙" && seen.channel == .online && seen.votedAt != nil)
            #expect(try await store.voting.voters(in: vote.id, owner: yi.idHash).first?.coOwner == nil, "乙 cast it")
            #expect(try await store.voting.voters(in: vote.id, owner: jia.idHash).first?.channel == .paper)
        }
    }
}
