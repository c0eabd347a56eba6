import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// The head each publication pins (issue 13, item 5): the one signed in the publication's own
/// transaction, found again however much the log grows after it.
@Suite struct PublishedHeadTests {
    @Test(arguments: TestDatabase.available)
    func theNoticeAndEachResultPublicationKeepTheHeadSignedWithThem(_ database: TestDatabase) async throws {
        try await OrganiserTests().withEstate(database) { store, estate, clock in
            // setup: a vote noticed 16 days ago, a ballot, the close
            let vote = try await OrganiserTests().openVote(store, estate: estate, clock: clock, closingIn: 2)
            #expect(try await store.log.head(covering: "published", of: vote.id) == nil)
            let noticeHead = try #require(try await store.log.head(covering: "notice_published", of: vote.id))
            let jia = try await OrganiserTests().owner(store, estate: estate, name: "甲", id: "110101199001010011")
            let person = try #require(try await store.voting.voters(in: vote.id, owner: jia.idHash).first?.person)
            _ = try await store.voting.castOnline(
                vote: vote.id, person: person, owner: jia.idHash, choices: VotingTests.choices, signature: .typed("甲"))
            clock.advance(minutes: 2 * 24 * 60)
            _ = try await store.results.settle(vote.id)
            // act: the preliminary result, later entries, then the final one
            _ = try await store.results.publishResult(vote.id, final: false, actor: "c1")
            let preliminary = try #require(try await store.log.head(covering: "published", of: vote.id, last: true))
            try await store.log.append([ballotEntry(90, vote: "other")])
            clock.advance(minutes: 8 * 24 * 60)
            _ = try await store.results.publishResult(vote.id, final: true, actor: "c1")
            let final = try #require(try await store.log.head(covering: "published", of: vote.id, last: true))
            // check: each is the head right after its entry, signed, and the log is consistent with it
            let kinds = try await OrganiserTests().logKinds(store)
            #expect(noticeHead.size == kinds.firstIndex(of: "notice_published")! + 1)
            #expect(preliminary.size == kinds.firstIndex(of: "published")! + 1)
            #expect(final.size == kinds.lastIndex(of: "published")! + 1 && final.size > preliminary.size)
            #expect(try await store.log.head(covering: "published", of: vote.id) == preliminary)
            #expect(try await store.log.head(covering: "notice_published", of: vote.id) == noticeHead)
            let key = try await store.log.publicKey()
            for head in [noticeHead, preliminary, final] {
                #expect(head.isSigned(by: key))
                let checked = try await store.log.verify(copied: CopiedHead(head)).result
                #expect(checked.isSuccess)
            }
            var forged = CopiedHead(noticeHead)
            forged.root[0] ^= 1
            #expect(
                try await store.log.verify(copied: forged).result.failure
                    == LogProblem(.copiedHead(size: noticeHead.size), .copiedInconsistent(head: noticeHead.size)))
        }
    }
}
