import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// Issue 13: a demo restart set the clock back and reopened a published vote.
@Suite struct CountedVoteTests {
    let organiser = OrganiserTests()

    @Test(arguments: TestDatabase.available)
    func aCountedVoteTakesNoBallotOfAnyChannelWhateverTheClockSays(_ database: TestDatabase) async throws {
        try await organiser.withEstate(database) { store, estate, clock in
            // setup: a vote counted at its close, then the clock set back into its window
            let vote = try await organiser.openVote(store, estate: estate, clock: clock, closingIn: 2)
            let jia = try await organiser.owner(store, estate: estate, name: "甲", id: "110101199001010011")
            let jiaPerson = try #require(try await store.voting.voters(in: vote.id, owner: jia.idHash).first?.person)
            let paper = try #require(try await store.paper.ballots(of: vote.id).first { $0.person != jiaPerson })
            clock.advance(days: 3)
            let counted = try #require(try await store.results.settle(vote.id))
            #expect(counted.tallyJSON != nil)
            clock.advance(days: -2)
            #expect(counted.calendar.isOpen(at: clock.current), "the clock alone would say open")
            // act, check: refused online and on paper, and the vote reads as counted
            await #expect(throws: CastError.closed(closedAt: vote.closesAt)) {
                try await store.voting.castOnline(
                    vote: vote.id, person: jiaPerson, owner: jia.idHash, choices: VotingTests.choices, signature: .typed("甲"))
            }
            await #expect(throws: PaperError.notOpen) {
                try await store.enterPaper(vote: counted, code: paper.code, clerk: "A", choices: VotingTests.choices)
            }
            let reread = try #require(try await store.voting.vote(vote.id))
            #expect(reread.phase(at: clock.current) == .counted)
            #expect(!reread.isOpen(at: clock.current))
            #expect(try await store.voting.progress(of: reread).voted.heads == 0)
        }
    }
}
